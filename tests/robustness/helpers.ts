/**
 * Shared pieces of the robustness suites: fuzz settings from the environment,
 * temp folders, an in-process CLI runner that turns a rejected promise (the
 * CLI's "internal error") into a failed property, and checks on output HTML.
 */
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Element, Nodes, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toString} from 'hast-util-to-string'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {citedeckCli} from '../../src/cli.js'

/**
 * `FUZZ_SEED` and `FUZZ_RUNS` from the environment. The default run is short
 * (the suite stays fast); `npm run fuzz` sets FUZZ_RUNS=2000. `scale` divides
 * the count for slow properties (the CLI writes whole deck folders);
 * `defaultRuns` is the count without FUZZ_RUNS (default: 24 / `scale`), for a
 * property that runs FUZZ_RUNS whole but only a few cases in the suite.
 */
export function fuzzSettings(scale = 1, defaultRuns = 24 / scale): {seed: number; numRuns: number; timeout: number} {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31
  const runs = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : undefined
  const numRuns = Math.max(1, Math.round(runs === undefined ? defaultRuns : runs / scale))
  // A generous budget per case: the suite shares two cores with the browser tests.
  return {seed, numRuns, timeout: Math.max(120_000, numRuns * 3_000)}
}

export function tempDir(prefix = 'citedeck-robust-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs the CLI in-process; a rejection is what the real bin prints as "internal error". */
export async function runCli(...argv: string[]): Promise<CliRun> {
  const out: string[] = []
  const err: string[] = []
  let code: number
  try {
    code = await citedeckCli(argv, {stdout: (text) => out.push(text), stderr: (text) => err.push(text)})
  } catch (error) {
    throw new Error(`internal error (uncaught ${error instanceof Error ? error.stack : String(error)}) for citedeck ${argv.join(' ')}`)
  }
  return {code, stdout: out.join('\n'), stderr: err.join('\n')}
}

/** Parses a document and collects the parser's complaints. */
export function parseHtml(html: string): {tree: Root; errors: string[]} {
  const errors: string[] = []
  const tree = fromHtml(html, {onerror: (message) => errors.push(`${message.ruleId}: ${message.reason} at ${message.line}:${message.column}`)})
  return {tree, errors}
}

export function hasClass(node: Element, name: string): boolean {
  const value = node.properties.className
  return Array.isArray(value) && value.includes(name)
}

export function elements(tree: Nodes, test: (node: Element) => boolean): Element[] {
  const found: Element[] = []
  visit(tree, 'element', (node: Element) => {
    if (test(node)) found.push(node)
  })
  return found
}

/** Every `<script>` citedeck writes: reveal.js, its plugins, and the `Reveal.initialize` call. */
export function scriptCount(html: string): number {
  return elements(parseHtml(html).tree, (node) => node.tagName === 'script').length
}

/** `on*` attributes anywhere: an escaped field never turns into one. */
export function eventHandlers(tree: Nodes): string[] {
  const found: string[] = []
  visit(tree, 'element', (node: Element) => {
    for (const name of Object.keys(node.properties)) if (/^on/i.test(name)) found.push(`${node.tagName}[${name}]`)
  })
  return found
}

export function textOf(node: Nodes): string {
  return toString(node)
}

export function messagesOf(file: VFile): string {
  return file.messages.map((message) => `${message.line ?? '?'}:${message.column ?? '?'} ${message.fatal ? 'error' : 'warning'} ${message.reason} [${message.ruleId}]`).join('\n')
}

/** A message covering every citation: no bibliography, an empty one, or one that failed to load. */
export function isBibliographyCause(message: {reason: string; ruleId?: string | null; fatal?: boolean | null}): boolean {
  if (message.ruleId === 'unknown-citation-key') return / to resolve the /.test(message.reason)
  return message.fatal === true && (message.ruleId === 'bibliography' || message.ruleId === 'missing-bibliography')
}
