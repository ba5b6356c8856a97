/**
 * The words citedeck writes on an imported deck's slides itself (titles it
 * falls back to, `Kennedy on …`), in the essay's language: a Spanish essay's
 * deck says `Conclusión` and `Referencias`, not English. English unless the
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

/** The labels for an essay in `language` (`es`), English otherwise. */
export function labelsFor(language: string | undefined): Labels {
  return language === 'es' ? SPANISH : ENGLISH
}
