/**
 * Front-matter keys as pandoc and Quarto users write them: the keys
 * citedeck reads, reveal.js options passed through to `Reveal.initialize`,
 * Quarto keys citedeck cannot honour (one info each), and anything else,
 * one warning each with the nearest known key (`bibliograhpy` → did you
 * mean `bibliography`?). The warning names the key it suggests in
 * `expected`, so later checks can tell a typo from a missing setting.
 */
import {closest, distance} from 'fastest-levenshtein'
import type {VFile} from 'vfile'
import {info, report} from './messages.js'
import type {FrontMatter} from './parse/front-matter.js'

/** Keys config.ts reads. */
const READ = [
  'title', 'subtitle', 'author', 'date', 'theme', 'lang', 'aspect-ratio', 'slide-number', 'transition', 'incremental',
  'bibliography', 'csl', 'references', 'nocite', 'citations', 'reference-section-title', 'subject', 'description',
  'keywords', 'fit', 'lint', 'footer', 'logo', 'width', 'height', 'center', 'smaller', 'scrollable', 'css',
  // Read by parse/safe.ts.
  'safe'
]

/** reveal.js options under their Quarto names, passed to `Reveal.initialize` as written. */
const REVEAL_OPTIONS: Record<string, string> = {
  controls: 'controls',
  'controls-layout': 'controlsLayout',
  'controls-tutorial': 'controlsTutorial',
  'controls-back-arrows': 'controlsBackArrows',
  progress: 'progress',
  'show-slide-number': 'showSlideNumber',
  loop: 'loop',
  rtl: 'rtl',
  'navigation-mode': 'navigationMode',
  shuffle: 'shuffle',
  fragments: 'fragments',
  'fragment-in-url': 'fragmentInURL',
  touch: 'touch',
  keyboard: 'keyboard',
  'mouse-wheel': 'mouseWheel',
  history: 'history',
  'auto-slide': 'autoSlide',
  'auto-slide-stoppable': 'autoSlideStoppable',
  'auto-animate': 'autoAnimate',
  'auto-animate-easing': 'autoAnimateEasing',
  'auto-animate-duration': 'autoAnimateDuration',
  'auto-animate-unmatched': 'autoAnimateUnmatched',
  'transition-speed': 'transitionSpeed',
  'background-transition': 'backgroundTransition',
  'view-distance': 'viewDistance',
  'hide-inactive-cursor': 'hideInactiveCursor',
  'hide-cursor-time': 'hideCursorTime',
  'jump-to-slide': 'jumpToSlide',
  help: 'help',
  pause: 'pause',
  overview: 'overview'
}

/** Metadata pandoc and Quarto accept that changes nothing in a deck. */
const HARMLESS = new Set([
  'format', 'editor', 'institute', 'abstract', 'link-citations', 'link-bibliography', 'output-file', 'keep-md',
  'citeproc', 'cite-method', 'date-format', 'categories', 'hash-type', 'hash', 'subtitle', 'license', 'copyright'
])

/** Quarto and pandoc keys citedeck cannot honour, with what to do instead. */
const NOT_HONOURED: Record<string, string> = {
  chalkboard: 'the chalkboard plugin is not in citedeck decks',
  multiplex: 'citedeck decks are offline: no multiplex server',
  menu: 'reveal’s menu plugin is not in citedeck decks',
  'revealjs-plugins': 'citedeck loads only its own reveal.js plugins',
  filters: 'citedeck does not run pandoc filters',
  engine: 'citedeck does not run code; chunks are shown as code',
  jupyter: 'citedeck does not run code; chunks are shown as code',
  knitr: 'citedeck does not run code; chunks are shown as code',
  execute: 'citedeck does not run code; chunks are shown as code',
  echo: 'citedeck does not run code; chunks are shown as code',
  'code-fold': 'code is always shown',
  'code-tools': 'code is always shown',
  'code-line-numbers': 'lines are numbered per block: ```{.python code-line-numbers="true"}',
  'embed-resources': 'pass --embed to build one self-contained file',
  'self-contained': 'pass --embed to build one self-contained file',
  'title-slide-attributes': 'the title slide takes the theme’s look',
  'highlight-style': 'code takes the theme’s highlighting',
  'header-includes': 'add CSS with `css:` instead',
  'include-in-header': 'add CSS with `css:` instead',
  'include-before-body': 'citedeck adds no raw HTML around the deck',
  'include-after-body': 'citedeck adds no raw HTML around the deck',
  toc: 'write the outline slide yourself',
  'number-sections': 'headings are not numbered',
  'preview-links': 'links open normally; decks are offline',
  'pdf-separate-fragments': 'PDFs print each slide once, all fragments shown',
  'pdf-max-pages-per-slide': 'slides that overflow are scaled or split to one page each',
  'suppress-bibliography': 'the references slide is placed with `::: {#refs}`',
  resources: 'files a slide links to are not copied; images and backgrounds are'
}

const KNOWN = [...READ, ...Object.keys(REVEAL_OPTIONS), ...HARMLESS, ...Object.keys(NOT_HONOURED)]

/** Reports unknown and unhonoured keys; returns the reveal.js options the deck sets. */
export function checkKeys(matter: FrontMatter, file: VFile): Record<string, unknown> {
  const reveal: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(matter.data)) {
    if (key in REVEAL_OPTIONS) {
      if (['boolean', 'number', 'string'].includes(typeof value)) reveal[REVEAL_OPTIONS[key]!] = value
      else report(file, `front matter \`${key}\` should be a single value`, matter.place(key), 'front-matter', {note: `got ${JSON.stringify(value)}`})
    } else if (key in NOT_HONOURED) {
      info(file, `\`${key}\` is a Quarto setting citedeck does not honour`, matter.place(key), 'unsupported-key', {note: NOT_HONOURED[key]})
    } else if (!READ.includes(key) && !HARMLESS.has(key)) {
      const near = closest(key, KNOWN)
      const typo = distance(key, near) <= Math.max(2, Math.floor(key.length / 3))
      const message = report(file, `unknown front matter key \`${key}\`${typo ? `; did you mean \`${near}\`?` : ''}`, matter.place(key), 'unknown-key', {
        note: typo ? `rename it \`${near}\`` : 'citedeck ignores it; see the README for the keys it reads'
      })
      if (typo) message.expected = [near]
    }
  }
  return reveal
}

/** Whether the front matter has a key that looks like a typo of `key` (reported once already). */
export function mistyped(file: VFile, key: string): boolean {
  return file.messages.some((message) => message.ruleId === 'unknown-key' && message.expected?.includes(key))
}
