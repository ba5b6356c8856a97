/**
 * The one way citedeck reports a problem in the user's input: a vfile message
 * with a position, a rule id and an optional hint, so the CLI can print
 * `deck.md:12:5: warning: … [rule]`.
 */
import type {Node, Point, Position} from 'unist'
import type {VFile} from 'vfile'

export type Place = Node | Position | Point | undefined

export interface ReportOptions {
  /** Error (fails the build) rather than warning; default `false`. */
  fatal?: boolean
  /** A hint telling the user how to fix it. */
  note?: string
  /** Another file the problem lies in (a bibliography, an image). */
  file?: string
  /** Worth knowing, needs no fix (printed as `info`, never fails a build). */
  info?: boolean
}

export function report(file: VFile, reason: string, place: Place, rule: string, options: ReportOptions = {}) {
  const message = file.message(reason, {
    place: place && 'type' in place ? place.position : place,
    ruleId: rule,
    source: 'citedeck'
  })
  message.fatal = options.info ? undefined : options.fatal ?? false
  if (options.note) message.note = options.note
  if (options.file) message.file = options.file
  return message
}

/** True when the file carries a warning or an error; info messages (such as "no browser to measure in") do not count. */
export function hasWarnings(file: VFile): boolean {
  return file.messages.some((message) => message.fatal !== undefined)
}

/** True when the file carries at least one error (not just warnings). */
export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true)
}

/** A note that is neither warning nor error (`fatal: undefined`): something citedeck leaves out or cannot do, on purpose. */
export function info(file: VFile, reason: string, place: Place, rule: string, options: Omit<ReportOptions, 'fatal'> = {}) {
  const message = report(file, reason, place, rule, options)
  message.fatal = undefined
  return message
}
