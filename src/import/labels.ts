/**
 * The words citedeck writes on an imported deck's slides itself (titles it
 * falls back to, `Kennedy on …`), in the essay's language: a Spanish essay's
 * deck says `Conclusión` and `Referencias`, a German one `Fazit`, not English. English unless the
 * essay is in a language listed here.
 */
export interface Labels {
  /** The deck's `lang:` (citations follow it: `y`, `s.f.`); undefined for English, the default. */
  lang?: string
  conclusion: string
  references: string
  keyPoints: string
  summaryTable: string
  inTheirWords: string
  /** `Kennedy on nuclear weapons`. */
  on: (who: string, what: string) => string
  /** `Carson’s words`. */
  words: (who: string) => string
}

const ENGLISH: Labels = {
  conclusion: 'Conclusion',
  references: 'References',
  keyPoints: 'Key points',
  summaryTable: 'Summary table',
  inTheirWords: 'In their words',
  on: (who, what) => `${who} on ${what}`,
  words: (who) => `${who}’s words`
}

const SPANISH: Labels = {
  lang: 'es',
  conclusion: 'Conclusión',
  references: 'Referencias',
  keyPoints: 'Ideas clave',
  summaryTable: 'Tabla resumen',
  inTheirWords: 'En sus palabras',
  on: (who, what) => `${who} sobre ${what}`,
  words: (who) => `Palabras de ${who}`
}

const FRENCH: Labels = {
  lang: 'fr',
  conclusion: 'Conclusion',
  references: 'Références',
  keyPoints: 'Points clés',
  summaryTable: 'Tableau récapitulatif',
  inTheirWords: 'Dans leurs mots',
  on: (who, what) => `${who} sur ${what}`,
  words: (who) => `Les mots de ${who}`
}

const GERMAN: Labels = {
  lang: 'de',
  conclusion: 'Fazit',
  references: 'Literaturverzeichnis',
  keyPoints: 'Kernpunkte',
  summaryTable: 'Übersicht',
  inTheirWords: 'In ihren Worten',
  on: (who, what) => `${who} über ${what}`,
  words: (who) => `${who} im Wortlaut`
}

const ITALIAN: Labels = {
  lang: 'it',
  conclusion: 'Conclusione',
  references: 'Bibliografia',
  keyPoints: 'Punti chiave',
  summaryTable: 'Tabella riassuntiva',
  inTheirWords: 'Con le loro parole',
  on: (who, what) => `${who} su ${what}`,
  words: (who) => `Le parole di ${who}`
}

const PORTUGUESE: Labels = {
  lang: 'pt',
  conclusion: 'Conclusão',
  references: 'Referências',
  keyPoints: 'Pontos-chave',
  summaryTable: 'Tabela-resumo',
  inTheirWords: 'Nas suas palavras',
  on: (who, what) => `${who} sobre ${what}`,
  words: (who) => `Palavras de ${who}`
}

const LABELS: Record<string, Labels> = {es: SPANISH, fr: FRENCH, de: GERMAN, it: ITALIAN, pt: PORTUGUESE}

/** The labels for an essay in `language` (`es`, `fr`, `de`, `it`, `pt`), English otherwise. */
export function labelsFor(language: string | undefined): Labels {
  return LABELS[language ?? ''] ?? ENGLISH
}
