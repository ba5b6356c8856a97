/**
 * The words a bullet is judged by, in English, Spanish, French, German,
 * Italian and Portuguese (German linking openers are left alone: dropping
 * one would put its verb first): openers that only
 * link sentences, markers of contrast, condition, negation, limitation or
 * attribution (a part holding one is never dropped), prepositions and
 * relative words that start a droppable phrase, and the function words a
 * bullet must not end on.
 */
// Openers that only link a sentence to the one before (contrast openers stay: they carry the argument).
export const CONNECTIVE = /^(?:Consequently|Therefore|Thus|Hence|Furthermore|Moreover|In addition|Additionally|Also|Indeed|Finally|Firstly|Secondly|Thirdly|First|Second|Third|Lastly|In conclusion|In summary|To conclude|Overall|Meanwhile|As a result|For example|For instance|In fact|Similarly|Likewise|Of course|In other words|And|So|Además|Asimismo|Por último|En primer lugar|En segundo lugar|Por ejemplo|En conclusión|En resumen|Por tanto|Por lo tanto|De plus|En outre|Par ailleurs|Ainsi|Enfin|En effet|D’abord|Ensuite|Par exemple|Inoltre|Infine|Ad esempio|Além disso|Por fim),?\s+/i
/** Words that carry contrast, condition, negation, limitation or attribution: a part holding one stays. */
export const MARKER =
  /(?<![\p{L}\p{N}])(?:but|however|although|though|whereas|while|yet|despite|unless|if|only|until|unlike|except|not|never|no|nor|none|neither|without|cannot|rather|instead|few|rarely|seldom|hardly|barely|critics?|argues?|argued|claims?|claimed|according|words\s+of|puts?\s+it|says|said|writes|wrote|warns|warned|insists|insisted|pero|aunque|sino|sin|salvo|excepto|nunca|ni|no|solo|sólo|hasta|según|embargo|críticos?|si|palabras\s+de|señala|señaló|afirma|afirmó|sostiene|mais|cependant|pourtant|toutefois|sauf|sans|ne|n’|pas|jamais|aucun|aucune|seulement|selon|critiques|souligne|soulignent|aber|jedoch|doch|sondern|obwohl|trotz|nicht|kein|keine|keinen|keinem|keiner|nie|niemals|ohne|nur|wenn|falls|sofern|laut|zufolge|kritiker|warnt|warnen|betont|ma|però|tuttavia|non(?!-)|mai|senza|secondo|mas|porém|contudo|não|sem|apenas|segundo)(?![\p{L}\p{N}])|n[’']t(?![\p{L}])/iu
export const PREPOSITION = new Set(
  'in on at by with for from during after before against into over under through within between among across toward towards upon about around behind beyond near since via amid throughout following when once as en durante tras desde para con por sobre entre ante bajo cuando al dans pour avec après avant depuis pendant selon chez lors'.split(' ')
)
export const RELATIVE = /^(?:which|who|whom|whose|where|que|quien|quienes|cuyo|cuya|cuyos|cuyas|donde|el cual|la cual|los cuales|las cuales|qui|dont|où|lequel|laquelle|lesquels|lesquelles|der|die|das|welche|welcher|welches|cui|il quale|la quale)\s/i
export const FUNCTION_END = new Set(
  'the a an this that these those his her its their our my your some any each every and or but nor so to of in on at by with for from into as than if because although though while whereas which who whom whose is are was were be been have has had do does did will would shall should can could may might must very more most el la los las un una de del al y o que con por para en su sus le les une des du et ou à qui dans par pour sur avec des ein eine einen und oder zu von mit für auf il lo gli di e da per os as um uma do da em'.split(' ')
)
// A sentence opening with one of these starts with a subordinate clause.
export const SUBORDINATOR = /^(?:if|when|whenever|while|although|though|because|since|as|once|unless|until|whether|after|before|si|cuando|aunque|porque|mientras|quand|lorsque|bien que|parce que|puisque|wenn|als|obwohl|weil|da|falls|während|quando|perché|embora)\s/i
