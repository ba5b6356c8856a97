/**
 * Expected failures the user can fix (missing file, unknown theme, no browser).
 * The CLI catches only this class and prints its message without a stack.
 */
export type CitedeckErrorCode =
  | 'USAGE'
  | 'NOT_FOUND'
  | 'NOT_FOUND_BROWSER'
  | 'UNKNOWN_THEME'
  | 'UNKNOWN_STYLE'
  | 'WRITE_FAILED'
  | 'TIMEOUT'
  | 'CONTENT'

/** Exit code for a code: content errors are 1, usage and environment errors 2. */
export function exitCodeFor(code: CitedeckErrorCode): 1 | 2 {
  return code === 'CONTENT' ? 1 : 2
}

export class CitedeckError extends Error {
  readonly code: CitedeckErrorCode
  /** A second line telling the user what to do about it. */
  readonly hint?: string

  constructor(message: string, code: CitedeckErrorCode, hint?: string) {
    super(message)
    this.name = 'CitedeckError'
    this.code = code
    this.hint = hint
  }
}
