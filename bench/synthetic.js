/**
 * Synthetic decks for benchmarks: `slides` slides of bullets, a quote every
 * fifth slide, speaker notes, and `citations` pandoc citations spread over a
 * generated CSL-JSON bibliography of `sources` entries.
 */
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

export function syntheticBibliography(sources) {
  return Array.from({length: sources}, (_, index) => ({
    id: `source${index}`,
    type: index % 3 === 0 ? 'book' : 'article-journal',
    author: [{family: `Author${index}`, given: 'A. B.'}, {family: `Coauthor${index}`, given: 'C.'}],
    issued: {'date-parts': [[1950 + (index % 70)]]},
    title: `A study of topic number ${index} and its consequences`,
    'container-title': index % 3 === 0 ? undefined : `Journal of Studies ${index % 17}`,
    publisher: index % 3 === 0 ? 'University Press' : undefined,
    volume: String(1 + (index % 40)),
    page: `${10 + index}-${20 + index}`
  }))
}

export function syntheticMarkdown({slides, citations = 0, sources = 0}) {
  const lines = ['---', `title: Synthetic deck of ${slides} slides`, 'author: citedeck bench']
  if (sources > 0) lines.push('bibliography: references.json')
  lines.push('---', '')
  const perSlide = slides > 0 ? Math.ceil(citations / slides) : 0
  let cited = 0
  const cite = () => (cited < citations && sources > 0 ? ` [@source${cited++ % sources}, p. ${cited}]` : '')
  for (let index = 1; index <= slides; index++) {
    if (index % 10 === 1) lines.push(`# Part ${Math.ceil(index / 10)}`, '')
    else lines.push(`## Slide ${index}: a point worth making`, '')
    if (index % 5 === 0) {
      lines.push(`> A quotation that a student wants to show on slide ${index}.${cite()}`, '>', '> — A. Speaker', '')
    } else {
      for (let bullet = 1; bullet <= 3; bullet++) {
        lines.push(`- Bullet ${bullet} with *emphasis* and a [link](https://example.org/${index})${bullet <= perSlide ? cite() : ''}`)
      }
      lines.push('')
    }
    lines.push('::: notes', `The full paragraph behind slide ${index}, for the speaker.${cite()}`, ':::', '')
  }
  if (sources > 0) lines.push('## References', '', '::: {#refs}', ':::', '')
  return lines.join('\n')
}

/** Writes a synthetic deck into a fresh temp folder; returns the deck path. */
export function writeSyntheticDeck(options) {
  const dir = mkdtempSync(join(tmpdir(), `citedeck-bench-${options.slides}-`))
  mkdirSync(dir, {recursive: true})
  writeFileSync(join(dir, 'deck.md'), syntheticMarkdown(options))
  if (options.sources > 0) writeFileSync(join(dir, 'references.json'), JSON.stringify(syntheticBibliography(options.sources)))
  return join(dir, 'deck.md')
}
