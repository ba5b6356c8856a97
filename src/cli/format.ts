/**
 * Terminal text for vfile messages: `deck.md:12:5: warning: reason [rule]`,
 * then the hint on its own line, as compilers print them.
 */
import {relative} from 'node:path'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

export function formatMessage(message: VFileMessage, file: VFile, cwd = process.cwd()): string {
  const path = relative(cwd, message.file || file.path || '') || message.file || '<input>'
  const place = message.place
  const point = place && 'start' in place ? place.start : place
  const where = point ? `${path}:${point.line}:${point.column ?? 1}` : path
  const severity = message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info'
  const rule = message.ruleId ? ` [${message.ruleId}]` : ''
  const hint = message.note ? `\n  hint: ${message.note}` : ''
  return `${where}: ${severity}: ${message.reason}${rule}${hint}`
}

export function formatMessages(file: VFile, cwd = process.cwd(), only: (message: VFileMessage) => boolean = () => true): string[] {
  return file.messages
    .filter(only)
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    .map((message) => formatMessage(message, file, cwd))
}

/** "1 slide", "6 slides", "0 errors". */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
