/**
 * Deck settings: defaults, then front matter, then CLI/API options, merged into
 * one `DeckConfig`. Front matter keys follow pandoc/Quarto so users' habits carry over.
 */
import type {VFile} from 'vfile'
import {report} from './messages.js'
import {checkKeys} from './config-keys.js'
import type {FrontMatter} from './parse/front-matter.js'

export type AspectRatio = '16:9' | '4:3' | '16:10'

export type CitationMode = 'footnotes' | 'inline'

export interface DeckConfig {
  title: string
  subtitle: string
  /** One or more authors, as written. */
  authors: string[]
  date: string
  /** Theme name (from `themes/`) or path to a CSS file. */
  theme: string
  lang: string
  aspectRatio: AspectRatio
  /** Slide size in CSS pixels; 720 px high whatever the ratio, so text sizes stay legible. */
  width: number
  height: number
  /** `false`, `true` or a reveal format string such as `'c/t'`. */
  slideNumber: boolean | string
  transition: string
  /** A footer line on every slide (Markdown), and a logo image path, relative to the deck; '' for none. */
  footer: string
  logo: string
  /** Every slide vertically centred, smaller or scrollable (Quarto's `center`, `smaller`, `scrollable`). */
  slideClasses: string[]
  /** Extra stylesheets (`css:`), relative to the deck; after the theme. */
  css: string[]
  /** reveal.js options written in the front matter (`controls`, `progress`, `loop`…), by reveal's names. */
  reveal: Record<string, unknown>
  /** Lists reveal one item at a time. */
  incremental: boolean
  /** Bibliography paths, relative to the deck. */
  bibliography: string[]
  /** CSL style name or `.csl` path. */
  csl: string
  /** Inline CSL items from front matter `references:` (pandoc's form). */
  references: unknown[]
  /** Keys listed in the references without being cited (`nocite`; `*` for all). */
  nocite: string[]
  /** Citations as footnotes at the slide's foot (default), or only in the text. */
  citations: CitationMode
  /** Title of the references slide; empty: the style's own ("References", "Works Cited"…). */
  referencesTitle: string
  /** Free-form subject and keywords, used for PDF metadata. */
  subject: string
  keywords: string[]
  /** Measure slides in the browser and scale or split those that overflow (`fit: false` turns it off). */
  fit: boolean
  /** Rule settings from front matter `lint:` (see src/check/lint.ts), by rule id. */
  lint: Record<string, LintSetting>
}

/** How loud a rule is; `off` silences it. */
export type Severity = 'off' | 'info' | 'warning' | 'error'

/** A rule's severity, and its option when it takes one (`dense-slide: [warning, 80]`). */
export interface LintSetting {
  severity?: Severity
  option?: number
}

/** What the caller (CLI or API) may override; wins over front matter. */
export type ConfigOverrides = Partial<Pick<DeckConfig, 'theme' | 'lang' | 'csl'>>

const SIZES: Record<AspectRatio, [number, number]> = {
  '16:9': [1280, 720],
  '16:10': [1152, 720],
  '4:3': [960, 720]
}

const TRANSITIONS = new Set(['none', 'fade', 'slide', 'convex', 'concave', 'zoom'])

export const DEFAULT_THEME = 'classroom'

/** Reads settings from front matter, reporting (not throwing) on bad values. */
export function resolveConfig(matter: FrontMatter, file: VFile, overrides: ConfigOverrides = {}): DeckConfig {
  const {data} = matter
  const text = (key: string): string => {
    const value = data[key]
    if (value === undefined || value === null) return ''
    if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) {
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value)
    }
    report(file, `front matter \`${key}\` should be text`, matter.place(key), 'front-matter', {fatal: false})
    return ''
  }
  const list = (key: string): string[] => {
    const value = data[key]
    if (value === undefined || value === null) return []
    const items = Array.isArray(value) ? value : [value]
    return items.map((item) => (typeof item === 'object' && item && 'name' in item ? String(item.name) : String(item)))
  }
  const flag = (key: string, fallback: boolean): boolean => {
    const value = data[key]
    if (value === undefined) return fallback
    if (typeof value === 'boolean') return value
    report(file, `front matter \`${key}\` should be true or false`, matter.place(key), 'front-matter', {
      fatal: false,
      note: `got ${JSON.stringify(value)}`
    })
    return fallback
  }

  let aspectRatio: AspectRatio = '16:9'
  const ratio = text('aspect-ratio')
  if (ratio) {
    if (ratio in SIZES) aspectRatio = ratio as AspectRatio
    else
      report(file, `unknown aspect-ratio \`${ratio}\``, matter.place('aspect-ratio'), 'front-matter', {
        fatal: false,
        note: `use one of ${Object.keys(SIZES).join(', ')}; using 16:9`
      })
  }

  let transition = text('transition') || 'slide'
  if (!TRANSITIONS.has(transition)) {
    report(file, `unknown transition \`${transition}\``, matter.place('transition'), 'front-matter', {
      fatal: false,
      note: `use one of ${[...TRANSITIONS].join(', ')}`
    })
    transition = 'slide'
  }

  let citations: CitationMode = 'footnotes'
  const citationsValue = text('citations')
  if (citationsValue === 'inline' || citationsValue === 'footnotes') citations = citationsValue
  else if (citationsValue)
    report(file, `unknown citations mode \`${citationsValue}\``, matter.place('citations'), 'front-matter', {
      fatal: false,
      note: 'use `footnotes` (the default) or `inline`'
    })

  const references = data.references
  if (references !== undefined && !Array.isArray(references)) {
    report(file, 'front matter `references` should be a list of CSL items', matter.place('references'), 'front-matter', {
      fatal: false,
      note: 'write `references:` followed by `- id: key` items'
    })
  }

  const lint = lintSettings(data.lint, (reason, note) =>
    report(file, reason, matter.place('lint'), 'front-matter', {fatal: false, note})
  )

  const slideNumberValue = data['slide-number']
  const slideNumber = typeof slideNumberValue === 'string' ? slideNumberValue : flag('slide-number', false)
  const [width, height] = SIZES[aspectRatio]
  // Quarto sets the slide size by `width` and `height` (in pixels) rather than a ratio.
  const size = (key: 'width' | 'height', fallback: number) => {
    const value = data[key]
    if (value === undefined) return fallback
    if (typeof value === 'number' && value >= 200 && value <= 8000) return Math.round(value)
    report(file, `front matter \`${key}\` should be a number of pixels`, matter.place(key), 'front-matter', {note: `got ${JSON.stringify(value)}; using ${fallback}`})
    return fallback
  }

  return {
    title: text('title'),
    subtitle: text('subtitle'),
    authors: list('author'),
    date: text('date'),
    theme: overrides.theme ?? (text('theme') || DEFAULT_THEME),
    lang: overrides.lang ?? (text('lang') || 'en-US'),
    aspectRatio,
    width: size('width', width),
    height: size('height', height),
    slideNumber,
    transition,
    footer: text('footer'),
    logo: text('logo'),
    slideClasses: (['center', 'smaller', 'scrollable'] as const).filter((key) => flag(key, false)),
    css: list('css'),
    reveal: checkKeys(matter, file),
    incremental: flag('incremental', false),
    bibliography: list('bibliography'),
    csl: overrides.csl ?? (text('csl') || 'apa'),
    references: Array.isArray(references) ? references : [],
    // pandoc writes `nocite: "@a @b"` or a list; `@*` means every entry.
    nocite: list('nocite').flatMap((entry) => entry.split(/[\s,;]+/)).map((key) => key.replace(/^@/, '')).filter(Boolean),
    citations,
    referencesTitle: text('reference-section-title'),
    subject: text('subject') || text('description'),
    keywords: list('keywords'),
    fit: flag('fit', true),
    lint
  }
}

const SEVERITIES = new Set<Severity>(['off', 'info', 'warning', 'error'])

/** `lint: {rule: warning, dense-slide: [info, 80], other: off}`, as remark-lint settings read. */
function lintSettings(value: unknown, problem: (reason: string, note: string) => void): Record<string, LintSetting> {
  if (value === undefined || value === null) return {}
  if (typeof value !== 'object' || Array.isArray(value)) {
    problem('front matter `lint` should map rule ids to settings', 'write `lint: {dense-slide: [warning, 80], uncited-entry: off}`')
    return {}
  }
  const settings: Record<string, LintSetting> = {}
  for (const [rule, raw] of Object.entries(value as Record<string, unknown>)) {
    const parts = Array.isArray(raw) ? raw : [raw]
    const setting: LintSetting = {}
    for (const part of parts) {
      if (typeof part === 'number') setting.option = part
      else if (part === false) setting.severity = 'off'
      else if (typeof part === 'string' && SEVERITIES.has(part as Severity)) setting.severity = part as Severity
      else problem(`unknown setting ${JSON.stringify(part)} for lint rule \`${rule}\``, 'use off, info, warning or error, and a number for rules that take one')
    }
    settings[rule] = setting
  }
  return settings
}

declare module 'vfile' {
  interface DataMap {
    config: DeckConfig
  }
}

/** Resolves `file.data.matter` into `file.data.config` for the plugins after it. */
export function remarkDeckConfig(overrides: ConfigOverrides = {}) {
  return (_tree: unknown, file: VFile) => {
    file.data.config = resolveConfig(file.data.matter ?? {data: {}, place: () => ({line: 1, column: 1})}, file, overrides)
  }
}
