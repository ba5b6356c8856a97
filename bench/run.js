/** `npm run bench`: every benchmark in turn, or those named: `npm run bench -- build pdf`. */
import {existsSync} from 'node:fs'

const all = ['build', 'pdf', 'pptx', 'import', 'serve', 'check', 'scale', 'limits']
const chosen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : all
for (const name of chosen) {
  const path = new URL(`./${name}.js`, import.meta.url)
  if (!existsSync(path)) continue
  const module = await import(path.href)
  const run = module[`bench${name[0].toUpperCase()}${name.slice(1)}`]
  if (typeof run === 'function') await run()
}
