/**
 * The words a bullet is judged by, in English and Spanish: openers that only
 * link sentences, markers of contrast, condition, negation, limitation or
 * attribution (a part holding one is never dropped), prepositions and
 * relative words that start a droppable phrase, and the function words a
 * bullet must not end on.
 */
// Openers that only link a sentence to the one before (contrast openers stay: they carry the argument).
export const CONNECTIVE = /^(?:Consequently|Therefore|Thus|Hence|Furthermore|Moreover|In addition|Additionally|Also|Indeed|Finally|Firstly|Secondly|Thirdly|First|Second|Third|Lastly|In conclusion|In summary|To conclude|Overall|Meanwhile|As a result|For example|For instance|In fact|Similarly|Likewise|Of course|In other words|And|So|Además|Asimismo|Por último|En primer lugar|En segundo lugar|Por ejemplo|En conclusión|En resumen|Por tanto|Por lo tanto),?\s+/i
/** Words that carry contrast, condition, negation, limitation or attribution: a part holding one stays. */
export const MARKER =
  /(?<![\p{L}\p{N}])(?:but|however|although|though|whereas|while|yet|despite|unless|if|only|until|unlike|except|not|never|no|nor|none|neither|without|cannot|rather|instead|few|rarely|seldom|hardly|barely|critics?|argues?|argued|claims?|claimed|according|words\s+of|puts?\s+it|says|said|writes|wrote|warns|warned|insists|insisted|pero|aunque|sino|sin|salvo|excepto|nunca|ni|no|solo|sólo|hasta|según|embargo|críticos?|si|palabras\s+de|señala|señaló|afirma|afirmó|sostiene)(?![\p{L}\p{N}])|n[’']t(?![\p{L}])/iu
export const PREPOSITION = new Set(
  'in on at by with for from during after before against into over under through within between among across toward towards upon about around behind beyond near since via amid throughout following when once as en durante tras desde para con por sobre entre ante bajo cuando al'.split(' ')
)
export const RELATIVE = /^(?:which|who|whom|whose|where|que|quien|quienes|cuyo|cuya|cuyos|cuyas|donde|el cual|la cual|los cuales|las cuales)\s/i
export const FUNCTION_END = new Set(
  'the a an this that these those his her its their our my your some any each every and or but nor so to of in on at by with for from into as than if because although though while whereas which who whom whose is are was were be been have has had do does did will would shall should can could may might must very more most el la los las un una de del al y o que con por para en su sus'.split(' ')
)
// A sentence opening with one of these starts with a subordinate clause.
export const SUBORDINATOR = /^(?:if|when|whenever|while|although|though|because|since|as|once|unless|until|whether|after|before|si|cuando|aunque|porque|mientras)\s/i
