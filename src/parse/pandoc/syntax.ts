/**
 * micromark extension for pandoc's block and inline attributes, tokenized in
 * place so every node keeps its true position (no rewriting of the source):
 *
 * - text: an attribute block `{#id .class key="value"}`, one token; the
 *   tree transform (./attach.ts) gives it to the heading, image, link or
 *   `[bracketed span]` it follows.
 * - flow: a fenced div's fence line, `::: name`, `::: {.class}` or `:::`.
 *   Fences are leaf tokens and ./divs.ts pairs them in the tree, because
 *   pandoc closes the innermost open div at any `:::` line, whatever the
 *   colon count, which a micromark container cannot know before its content
 *   is parsed (micromark-extension-directive's containers need a longer outer
 *   fence, and read `::: name` only without the space). As leaf tokens, a
 *   `:::` inside a code block or HTML stays what it is there.
 */
import {markdownLineEnding, markdownSpace} from 'micromark-util-character'
import type {Code, Construct, Extension, State, TokenizeContext, Tokenizer} from 'micromark-util-types'
import {looksLikeAttributes} from './attributes.js'

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    pandocAttributes: 'pandocAttributes'
    pandocDivFence: 'pandocDivFence'
    pandocDivSequence: 'pandocDivSequence'
    pandocDivInfo: 'pandocDivInfo'
  }
}

const LEFT_BRACE = 123
const RIGHT_BRACE = 125
const COLON = 58
const BACKSLASH = 92
const EQUALS = 61
const QUOTES = new Set([34, 39])

const attributesConstruct: Construct = {name: 'pandocAttributes', tokenize: tokenizeAttributes}
const divFenceConstruct: Construct = {name: 'pandocDivFence', tokenize: tokenizeDivFence}

export function pandocSyntax(): Extension {
  return {text: {[LEFT_BRACE]: attributesConstruct}, flow: {[COLON]: divFenceConstruct}}
}

function tokenizeAttributes(this: TokenizeContext, effects: Parameters<Tokenizer>[0], ok: State, nok: State): State {
  let text = ''
  let quote: number | undefined
  let previous: Code = null

  const consume = (code: number) => {
    text += String.fromCodePoint(code)
    previous = code
    effects.consume(code)
  }
  const start: State = (code) => {
    effects.enter('pandocAttributes')
    consume(code!)
    return inside
  }
  const inside: State = (code) => {
    if (code === null || markdownLineEnding(code)) return nok(code)
    if (quote !== undefined) {
      if (code === BACKSLASH) {
        consume(code)
        return escaped
      }
      if (code === quote) quote = undefined
    } else if (QUOTES.has(code) && previous === EQUALS) {
      quote = code
    } else if (code === RIGHT_BRACE) {
      consume(code)
      if (!looksLikeAttributes(text)) return nok(code)
      effects.exit('pandocAttributes')
      return ok
    }
    consume(code)
    return inside
  }
  const escaped: State = (code) => {
    if (code === null || markdownLineEnding(code)) return nok(code)
    consume(code)
    return inside
  }
  return start
}

function tokenizeDivFence(this: TokenizeContext, effects: Parameters<Tokenizer>[0], ok: State, nok: State): State {
  let size = 0
  const start: State = (code) => {
    effects.enter('pandocDivFence')
    effects.enter('pandocDivSequence')
    return sequence(code)
  }
  const sequence: State = (code) => {
    if (code === COLON) {
      size++
      effects.consume(code)
      return sequence
    }
    if (size < 3) return nok(code)
    effects.exit('pandocDivSequence')
    if (!markdownSpace(code)) return afterSpace(code)
    effects.enter('whitespace')
    return space(code)
  }
  const space: State = (code) => {
    if (markdownSpace(code)) {
      effects.consume(code)
      return space
    }
    effects.exit('whitespace')
    return afterSpace(code)
  }
  const afterSpace: State = (code) => {
    if (code === null || markdownLineEnding(code)) return end(code)
    effects.enter('pandocDivInfo')
    return info(code)
  }
  const info: State = (code) => {
    if (code === null || markdownLineEnding(code)) {
      effects.exit('pandocDivInfo')
      return end(code)
    }
    effects.consume(code)
    return info
  }
  const end: State = (code) => {
    effects.exit('pandocDivFence')
    return ok(code)
  }
  return start
}
