/**
 * Written given name first, `Maria García Márquez` may be Maria García
 * Márquez or Maria García of the Márquez family; nothing in the entry tells.
 * The rest of the list often does: a surname of two or more words written
 * inverted elsewhere (`García Márquez, E.`) is known to be one surname, so a
 * name whose given part ends with its first words takes it whole.
 */
import type {CslItem, CslName} from '../csl.js'

const ROLES = ['author', 'editor', 'translator'] as const

/**
 * Moves the last given words of a name written given-first into its family
 * wherever the joined words are a surname that `inverted` (the names written
 * family first, whose family is sure) shows.
 */
export function applyKnownFamilies(items: CslItem[], inverted: Set<CslName>): void {
  const known = new Set<string>()
  for (const name of inverted) if (name.family && /\s/.test(name.family)) known.add(name.family)
  if (known.size === 0) return
  for (const item of items) for (const name of names(item)) if (!inverted.has(name)) regroup(name, known)
}

function names(item: CslItem): CslName[] {
  return ROLES.flatMap((role) => item[role] ?? [])
}

function regroup(name: CslName, known: Set<string>) {
  const given = name.given?.split(' ') ?? []
  const particle = name['non-dropping-particle']
  // Keep at least one given word; try the longest surname first (`Ana Lucía Moreno Fernández`, `Sofia Fernández de Córdoba`).
  for (let take = given.length - 1; take >= 1; take--) {
    const family = [...given.slice(-take), particle, name.family].filter(Boolean).join(' ')
    if (known.has(family)) {
      name.family = family
      name.given = given.slice(0, -take).join(' ')
      delete name['non-dropping-particle']
      return
    }
  }
}
