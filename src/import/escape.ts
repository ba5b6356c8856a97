/**
 * Escapes prose for the outline so imported text can never become Markdown
 * syntax, HTML or a citation: `*`, `_`, `[`, `<`, backticks, `@` and block
 * markers at the start of a line are backslash-escaped (CommonMark allows a
 * backslash before any ASCII punctuation).
 */

// Citation placeholders (private-use characters) pass through untouched.
const INLINE = /[\\`*_[\]<>@~^$&|{}]/g
const LINE_START = /^(\s*)([#>+=:-]|\d+[.)])/

export function escapeMarkdown(text: string): string {
  return text.replace(INLINE, '\\$&').replace(LINE_START, (_, space: string, marker: string) => `${space}${marker.replace(/[#>+=:.)-]/, '\\$&')}`)
}
