/**
 * `npm run eval`: accuracy figures of the essay import, one line per figure
 * (`essays.references.fully_right 31/52 (59.6%)`). Each module of MODULES
 * exports `evaluate(corpusDir)` returning its lines; add a figure group by
 * adding its module here. Modules that need the shared corpus are skipped,
 * with a message, when it is absent (set CITEDECK_CORPUS to point at it).
 */
import {corpusDir} from './compare.js'

const MODULES = [
  {name: 'references', needsCorpus: true}, // essays: reference entries and in-text citations
  {name: 'anystyle', needsCorpus: true}, // labelled real-world references, per field
  {name: 'roundtrip', needsCorpus: false}, // generated entries rendered by citeproc and read back
  {name: 'structure', needsCorpus: true} // essays: title page, sections, bullets, titles, sentences kept
]

const chosen = process.argv.slice(2)
const corpus = corpusDir()
for (const module of MODULES) {
  if (chosen.length > 0 && !chosen.includes(module.name)) continue
  if (module.needsCorpus && !corpus) {
    console.log(`${module.name}: skipped, no corpus at ../shared/corpus (set CITEDECK_CORPUS)`)
    continue
  }
  const started = performance.now()
  const {evaluate} = await import(`./${module.name}.js`)
  for (const line of await evaluate(corpus)) console.log(line)
  console.log(`${module.name}: ${Math.round(performance.now() - started)} ms`)
}
