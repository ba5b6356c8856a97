/** Runs the CLI in-process, capturing what it prints and its exit code. */
import {citedeckCli} from '../../src/cli.js'

export async function run(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await citedeckCli(argv, {stdout: (text) => out.push(text), stderr: (text) => err.push(text)})
  return {code, stdout: out.join('\n'), stderr: err.join('\n')}
}
