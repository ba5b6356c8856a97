/**
 * micromark extension: a bracketed citation whose inside is plain text
 * (`[@a]`, `[see @a, p. 5; -@b]`) read as one `data` token, exactly the text
 * micromark would have made of it, so the tree is unchanged and
 * `remarkCitations` reads it as before.
 *
 * Why: micromark reads `[` as a link start and, once the `]` finds no
 * definition, leaves two data tokens around it; its text resolver merges each
 * such pair with an `Array#splice` of the paragraph's whole event list, so a
 * paragraph of n citations cost n² (a 1 MB line of 100,000 `[@x]`: 210 s).
 * As one data token a citation leaves nothing to merge and parsing is linear.
 *
 * Anything else micromark could make of the brackets or their inside is left
 * to it: a link (`[@a](u)`, `[@a][r]`, a defined `[@a]`), a footnote call,
 * emphasis, code, math, HTML, an escape, an entity, an autolink, a nested
 * bracket or a line break inside. `tests/parse/citation-syntax.test.ts`
 * checks the trees are the same with and without this extension.
 */
import {asciiAlphanumeric, markdownLineEnding} from 'micromark-util-character'
import {normalizeIdentifier} from 'micromark-util-normalize-identifier'
import type {Code, Construct, Extension, State, TokenizeContext, Tokenizer} from 'micromark-util-types'

const LEFT_BRACKET = 91
const RIGHT_BRACKET = 93
const LEFT_PAREN = 40
const AT = 64
const DOT = 46
const UNDERSCORE = 95
const TAB = -2
// Characters that start some other inline syntax (or may): `\ * _ ` ~ $ < ! & { } ^ [`.
const SYNTAX = new Set([...'\\*_`~$<!&{}^['].map((char) => char.codePointAt(0)!))
// What GFM reads in an e-mail address before and after its `@`.
const EMAIL_TEXT = /[A-Za-z0-9+\-._]/
const LINK_LITERAL = /:\/\/|www\./i
const WORD = /[\p{L}\p{N}_]/u

const citationConstruct: Construct = {name: 'citationBracket', tokenize: tokenizeCitation}

export function citationSyntax(): Extension {
  return {text: {[LEFT_BRACKET]: citationConstruct}}
}

/**
 * The rule, one character at a time after the `[`: shared by the tokenizer
 * and by the line-length limit (`io/source-limits.ts`), which must know what
 * the parser will read cheaply.
 */
export class PlainCitationReader {
  /** The text between the brackets so far. */
  inside = ''
  private hasKey = false
  // After an `@` with e-mail text before it: GFM may read `x@a.b` as a link.
  private emailDomain = false
  private previous: Code = LEFT_BRACKET

  /** `more` to go on, `close` at a `]` that ends a plain citation, `no` when micromark may read something else. */
  take(code: Code): 'more' | 'close' | 'no' {
    if (code === null || markdownLineEnding(code)) return 'no'
    const previous = this.previous
    if (code === RIGHT_BRACKET) return this.hasKey && previous !== UNDERSCORE && !LINK_LITERAL.test(this.inside) ? 'close' : 'no'
    // `_` between two letters or digits can open no emphasis; any other can.
    if (previous === UNDERSCORE && !asciiAlphanumeric(code)) return 'no'
    if (SYNTAX.has(code) && !(code === UNDERSCORE && asciiAlphanumeric(previous))) return 'no'
    // micromark gives UTF-16 units, a tab as -2 and its padding as -1.
    const char = code === TAB ? '\t' : code < 0 ? '' : String.fromCharCode(code)
    if (code === AT) {
      const before = this.inside.at(-1) ?? ' '
      this.emailDomain = EMAIL_TEXT.test(before)
      if (!WORD.test(before)) this.hasKey = true
    } else if (this.emailDomain) {
      if (code === DOT) return 'no'
      if (!EMAIL_TEXT.test(char)) this.emailDomain = false
    }
    this.inside += char
    this.previous = code
    return 'more'
  }
}

/** After the `]`: a `(` or `[` may make a link of it. */
export function endsPlainCitation(next: Code): boolean {
  return next !== LEFT_PAREN && next !== LEFT_BRACKET
}

function tokenizeCitation(this: TokenizeContext, effects: Parameters<Tokenizer>[0], ok: State, nok: State): State {
  const self = this
  const reader = new PlainCitationReader()

  const start: State = (code) => {
    effects.enter('data')
    effects.consume(code)
    return content
  }
  const content: State = (code) => {
    const step = reader.take(code)
    if (step === 'no') return nok(code)
    if (step === 'close' && self.parser.defined.includes(normalizeIdentifier(reader.inside))) return nok(code)
    effects.consume(code)
    return step === 'close' ? after : content
  }
  const after: State = (code) => {
    if (!endsPlainCitation(code)) return nok(code)
    effects.exit('data')
    return ok(code)
  }
  return start
}
