/** Where a build keeps what the next build of the same output can reuse: `.talk.citedeck-<what>.json` beside it. */
import {basename, dirname, join, resolve} from 'node:path'

export function cacheBeside(output: string, what: string): string {
  return join(dirname(resolve(output)), `.${basename(output)}.citedeck-${what}.json`)
}
