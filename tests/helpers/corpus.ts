/**
 * The shared test corpus (`../shared/corpus` beside the repository, or
 * `CITEDECK_CORPUS`): material nobody here wrote, never copied into the repo.
 * Tests that need it skip, saying why, when it is absent.
 */
import {existsSync} from 'node:fs'
import {join} from 'node:path'

const repoRoot = new URL('../..', import.meta.url).pathname

const candidate = process.env.CITEDECK_CORPUS ?? join(repoRoot, '..', 'shared', 'corpus')
export const corpusDir: string | undefined = existsSync(candidate) ? candidate : undefined

/** The name to give a test group that needs the corpus: says it was skipped, and why, when it is absent. */
export function corpusSuite(name: string): string {
  return corpusDir ? name : `${name} (skipped: no corpus at ../shared/corpus; set CITEDECK_CORPUS)`
}
