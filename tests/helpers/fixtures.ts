/**
 * Fixture pairs: `tests/fixtures/<case>/input.md` → `output.html` (the slides)
 * and `messages.txt`. A missing expectation, or any when `UPDATE_FIXTURES=1`
 * (`npm run fixtures`), is written from the actual output: review the diff.
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

export const FIXTURES = new URL('../fixtures/', import.meta.url).pathname

/**
 * Where fixture builds keep drawn diagrams, so the test files that build the
 * same fixtures draw them once (the browser test draws its own afresh).
 */
export const FIXTURE_DIAGRAMS = join(tmpdir(), 'citedeck-fixture-diagrams.json')

export function fixtureCases(filter: (name: string) => boolean = () => true): string[] {
  return readdirSync(FIXTURES, {withFileTypes: true})
    .filter((entry) => entry.isDirectory() && existsSync(join(FIXTURES, entry.name, 'input.md')) && filter(entry.name))
    .map((entry) => entry.name)
    .sort()
}

/** The expected text of `name` in a fixture, written from `actual` when missing or updating. */
export function expected(fixture: string, name: string, actual: string): string {
  const path = join(FIXTURES, fixture, name)
  if (process.env.UPDATE_FIXTURES === '1' || !existsSync(path)) writeFileSync(path, actual)
  return readFileSync(path, 'utf8')
}

/** The inner HTML of `.slides`, one slide a line, for readable diffs. */
export function slidesHtml(html: string): string {
  const start = html.indexOf('<div class="slides">') + '<div class="slides">'.length
  const end = html.indexOf('</div></div><script')
  return html.slice(start, end).replace(/<\/section><section/g, '</section>\n<section') + '\n'
}
