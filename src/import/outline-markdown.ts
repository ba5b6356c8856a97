/**
 * The Markdown an imported deck is written in: bullets grouped into slides,
 * nested list lines, tables, speaker notes and the front matter.
 */
import {stringify} from 'yaml'
import type {Bullet} from './bullets.js'
import type {CslItem} from './csl.js'
import {escapeMarkdown} from './escape.js'
import type {Header} from './structure.js'

const MAX_BULLETS = 6
const MIN_BULLETS = 3
const MAX_WORDS = 70

/**
 * Splits bullets into slides of three to six and about 70 words, evenly
 * (7 → 4 + 3): long bullets, never cut, take more room (the fit step
 * scales a slide that still overflows). A bullet and those
 * nested under it stay on one slide.
 */
export function chunk(bullets: Bullet[]): Bullet[][] {
  const units: Bullet[][] = []
  for (const bullet of bullets) {
    if (bullet.level > 1 && units.length > 0) units[units.length - 1]!.push(bullet)
    else units.push([bullet])
  }
  const words = bullets.reduce((sum, bullet) => sum + bullet.text.split(/\s+/).length, 0)
  // A slide continued holds three bullets or more: a long paragraph splits only into slides of three or more.
  const count = Math.max(1, Math.ceil(units.length / MAX_BULLETS), Math.min(Math.floor(units.length / MIN_BULLETS), Math.round(words / MAX_WORDS)))
  const size = Math.ceil(units.length / count)
  return Array.from({length: Math.ceil(units.length / size)}, (_, i) => units.slice(i * size, (i + 1) * size).flat())
}

/** A Markdown list line, indented by its level. */
export function listLine(bullet: Bullet): string {
  return `${'  '.repeat(bullet.level - 1)}- ${bullet.text}`
}

/**
 * The levels of a run of list items (1 = top) from their indents, whatever
 * the step (`●` at 0 and `○` at 6 spaces are levels 1 and 2); an item is at
 * most one level below the one before it.
 */
export function nesting(items: Array<{level?: number}>): number[] {
  const indents = [...new Set(items.map((item) => item.level ?? 1))].sort((a, b) => a - b)
  const levels: number[] = []
  for (const item of items) {
    const rank = indents.indexOf(item.level ?? 1) + 1
    levels.push(Math.min(rank, (levels[levels.length - 1] ?? 0) + 1))
  }
  return levels
}

/** Tab-separated rows as a GFM table, the first row its header. */
export function table(text: string, render: (cell: string) => string): string {
  const rows = text.split('\n').map((row) => row.split('\t').map((cell) => render(cell.trim()).replace(/\|/g, '\\|')))
  const width = Math.max(...rows.map((row) => row.length))
  const line = (cells: string[]) => `| ${Array.from({length: width}, (_, i) => cells[i] ?? '').join(' | ')} |`
  return [line(rows[0]!), line(Array.from({length: width}, () => '---')), ...rows.slice(1).map(line)].join('\n')
}

export function notes(text: string): string {
  return `::: notes\n${text}\n:::`
}

export function frontMatter(header: Header, bibliography: {file: string} | {items: CslItem[]; start: number}, csl: string | undefined, lang: string | undefined): string {
  const lines = ['---']
  for (const field of ['title', 'subtitle', 'author', 'date'] as const) {
    if (header[field]) lines.push(`${field}: ${JSON.stringify(header[field])}`)
  }
  if (csl) lines.push(`csl: ${csl}`)
  // Citations and the deck speak the essay's language (`y`, `s.f.`).
  if (lang) lines.push(`lang: ${lang}`)
  if ('file' in bibliography) lines.push(`bibliography: ${bibliography.file}`)
  else if (bibliography.items.length > 0) lines.push(stringify({references: bibliography.items}).trimEnd())
  // The essay's reference list is the student's: every entry stays, cited in the text or not.
  lines.push('nocite: "@*"')
  lines.push('---')
  // Course, instructor and the like are for the presenter, not a slide: the title slide's notes.
  if (header.details.length > 0) lines.push('', notes(header.details.map(escapeMarkdown).join('\n\n')))
  return lines.join('\n')
}
