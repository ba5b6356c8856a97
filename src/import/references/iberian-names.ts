/**
 * Spanish and Portuguese names carry two surnames (`Gabriel García Márquez`,
 * `Ana Moreno Fernández`, `Sofía Fernández de Córdoba`); written given name
 * first, nothing in the entry marks where the given names end. A reader who
 * knows the names does: `Lucía` in `Ana Lucía Dupont` is a given name,
 * `García` in `Ahmed García Márquez` is not. So a written-out word before the
 * surname of a name that looks Iberian (its words carry Spanish or Portuguese
 * accents: `á í ó ú ñ ã õ ç`) joins the surname unless it is a known Spanish
 * given name (Irish `Ní`/`Ó` surnames carry accents too and are left alone). English middle names (`Harriet Beecher Stowe`) carry no such
 * accents and keep the surname one word.
 */
import {createRequire} from 'node:module'
import type {CslName} from '../csl.js'

const IBERIAN = /[áíóúñãõçÁÍÓÚÑÃÕÇ]/u

// Given names recorded in Spain (gender-detection-from-name's list: lower case, unaccented, `jose luis` as one).
let givenNames: Map<string, string> | undefined
function isSpanishGivenName(word: string): boolean {
  givenNames ??= createRequire(import.meta.url)('gender-detection-from-name/names/es.js') as Map<string, string>
  return givenNames.has(word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase())
}

/** `{given: 'Ahmed García', family: 'Márquez'}` → `{given: 'Ahmed', family: 'García Márquez'}`; other names unchanged. */
export function joinIberianSurname(name: CslName): CslName {
  const given = name.given?.split(' ') ?? []
  const particle = name['non-dropping-particle']
  // A capitalised particle stands for a surname of its own (`Van Dyke`); Irish `Ní`, `Ó`, `Mac` carry accents too, and open a surname of their own (`Harriet Beecher Ní Bhriain`).
  if (given.length < 2 || !name.family || (particle && !/^\p{Ll}/u.test(particle)) || /^(?:Ní|Nic|Ó|Mac|Mc)\s/u.test(name.family)) return name
  if (!IBERIAN.test([...given.slice(1), name.family].join(' '))) return name
  // Two surnames, so one word at most (`Harriet Beecher Moreno Fernández` keeps `Harriet Beecher`); initials stay given.
  const word = given[given.length - 1]!
  if (!/^\p{Lu}[\p{Ll}\p{M}]+$/u.test(word) || isSpanishGivenName(word)) return name
  const joined: CslName = {...name, family: [word, particle, name.family].filter(Boolean).join(' '), given: given.slice(0, -1).join(' ')}
  delete joined['non-dropping-particle']
  return joined
}
