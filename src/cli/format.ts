/**
 * Terminal text for vfile messages: `deck.md:12:5: warning: reason [rule]`,
 * then the hint on its own line, as compilers print them.
 */
import {relative} from 'node:path'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Emitted} from '../formats/format.js'

export function formatMessage(message: VFileMessage, file: VFile, cwd = process.cwd()): string {
  const path = relative(cwd, message.file || file.path || '') || message.file || '<input>'
  const place = message.place
  const point = place && 'start' in place ? place.start : place
  const where = point ? `${path}:${point.line}:${point.column ?? 1}` : path
  const severity = severityOf(message)
  const rule = message.ruleId ? ` [${message.ruleId}]` : ''
  const hint = message.note ? `\n  hint: ${message.note}` : ''
  return `${where}: ${severity}: ${message.reason}${rule}${hint}`
}

/** Messages printed per rule and severity; the rest are counted on one line, so one mistake repeated is not a flood. */
export const MESSAGES_PER_RULE = 20

export function formatMessages(file: VFile, cwd = process.cwd(), only: (message: VFileMessage) => boolean = () => true): string[] {
  const shown = new Map<string, number>()
  const lines: string[] = []
  const sorted = file.messages.filter(only).sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
  for (const message of sorted) {
    const key = `${severityOf(message)} ${message.ruleId ?? ''}`
    const count = (shown.get(key) ?? 0) + 1
    shown.set(key, count)
    if (count <= MESSAGES_PER_RULE) lines.push(formatMessage(message, file, cwd))
  }
  for (const [key, count] of shown) {
    if (count <= MESSAGES_PER_RULE) continue
    const [severity, rule] = key.split(' ') as [string, string]
    const path = relative(cwd, file.path || '') || file.path || '<input>'
    lines.push(`${path}: ${severity}: … and ${count - MESSAGES_PER_RULE} more ${severity}s like these${rule ? ` [${rule}]` : ''}`)
  }
  return lines
}

function severityOf(message: VFileMessage): string {
  return message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info'
}

/** "1 slide", "6 slides", "0 errors". */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** `built dist/talk (12 slides)` (`took` goes in the brackets), then `wrote dist/talk/talk.pdf (12 pages)` for each file. */
export function writtenLines(written: Emitted[], slides: number, took = ''): string[] {
  return written.map((emitted) => {
    const path = relative(process.cwd(), emitted.path) || '.'
    if (emitted.format === 'html' || emitted.format === 'embed') return `built ${path} (${counted(slides, 'slide')}${took})`
    return `wrote ${path} (${emitted.pages === undefined ? counted(emitted.slides ?? 0, 'slide') : `${emitted.pages} pages`})`
  })
}

/** How the fit step went, for `--verbose`; `undefined` when it did not run. */
export function fitLine(file: VFile): string | undefined {
  const fitted = file.data.fitted
  if (!fitted) return undefined
  if (fitted.estimated) return 'fit: every slide fits by a conservative estimate; nothing measured, no browser started'
  const changed = [fitted.scaled > 0 ? `${fitted.scaled} scaled` : '', fitted.added > 0 ? `${fitted.added} slides added by splitting` : ''].filter(Boolean)
  const proven = fitted.proven ? `, ${fitted.proven} proven to fit by an estimate` : ''
  return `fit: ${fitted.measured} slides measured in the browser${proven}, ${fitted.rounds} round${fitted.rounds === 1 ? '' : 's'}${changed.length > 0 ? `; ${changed.join(', ')}` : ''}`
}
