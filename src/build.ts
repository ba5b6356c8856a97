/**
 * From a source file to a deck: read it (`readInput`), compile in memory
 * (`compileSource` for an outline or an essay, `compileDeck` for an outline),
 * then write the folder or the single embedded file (`writeDeck`). I/O lives
 * here, not in the plugins.
 */
import {existsSync, readFileSync, statSync} from 'node:fs'
import {copyFile, mkdir} from 'node:fs/promises'
import {basename, dirname, extname, join, relative, resolve} from 'node:path'
import type {Element} from 'hast'
import {VFile} from 'vfile'
import type {FitOptions} from './check/fit.js'
import {applySeverities} from './check/lint.js'
import {type DeckConfig, DEFAULT_THEME} from './config.js'
import type {CompiledDeck, DeckParts} from './deck.js'
import {CitedeckError} from './errors.js'
import {isEssayPath} from './import/detect.js'
import {essayOutline, isEssayFile} from './import/essay-deck.js'
import {readEssay} from './import/read-essay.js'
import {allowedFile} from './io/project-folder.js'
import {readSource} from './io/read-source.js'
import {checkOutputFile, checkOutputFolder, replaceFolder, writeFileAtomic} from './io/write-output.js'
import {hasErrors, report} from './messages.js'
import {type PipelineOptions, toSlides} from './pipeline.js'
import {type Asset, styleAssets} from './render/assets.js'
import {assembleDeck} from './render/assemble.js'
import type {DiagramOptions} from './render/diagrams.js'
import {dataUrl} from './render/embed.js'
import {fontFaceCss, themeFonts} from './render/fonts.js'
import {mathAssets} from './render/math.js'
import {resolveTheme} from './render/theme.js'

export interface CompileOptions extends PipelineOptions {
  /** One self-contained HTML file with every asset inlined (default: `false`). */
  embed?: boolean
  /**
   * Measure the slides in the browser and scale or split those that overflow
   * (default: `false` here; `build()` turns it on). Front matter `fit: false`
   * wins. Here the browser comes in `fit.browser`; `Project` and the public
   * `compileDeck` give one when it is missing.
   */
  fit?: boolean | FitOptions
  /**
   * Read the files the deck names (theme, CSL style, bibliographies, images)
   * from outside its project folder (default: `false`: such a file is an
   * error, so a shared deck cannot pick up `../../etc/passwd`; see
   * io/project-folder.ts).
   */
  allowOutside?: boolean
  /** The older name of `allowOutside`. */
  allowOutsideImages?: boolean
  /** Where Mermaid diagrams are drawn and their drawings kept (a `Project` gives its browser and cache; without a browser they show as code). */
  diagrams?: DiagramOptions
}

export type {CompiledDeck, DeckParts} from './deck.js'

/** Reads a source: a Markdown outline, or an essay (`.txt`, `.md`, `.docx`). */
export function readInput(path: string): Promise<VFile> {
  return isEssayPath(path) ? readEssay(path) : readSource(path)
}

/**
 * Compiles an outline, or an essay through its outline imported in memory;
 * the deck's `file` is then the essay, with every message at the essay's lines.
 * `prepare` sees the outline just before it is compiled.
 */
export async function compileSource(file: VFile, options: CompileOptions = {}, prepare?: (outline: VFile) => void): Promise<CompiledDeck> {
  if (!isEssayFile(file)) {
    prepare?.(file)
    return compileDeck(file, options)
  }
  const essay = await essayOutline(file)
  if (!essay) return {...(await compileDeck(new VFile({path: file.path, value: ''}))), file}
  prepare?.(essay.deck)
  const deck = await compileDeck(essay.deck, options)
  essay.carryMessages()
  return deck
}

export async function compileDeck(file: VFile, options: CompileOptions = {}): Promise<CompiledDeck> {
  if (!options.fit) return compileOnce(file, options)
  const {fitDeck} = await import('./check/fit.js')
  const fit = options.fit === true ? {} : options.fit
  // Diagrams are drawn in the browser the fit step measures in.
  const compile = {...options, diagrams: {browser: fit.browser, ...options.diagrams}}
  return fitDeck(file, () => compileOnce(file, compile), fit)
}

async function compileOnce(file: VFile, options: CompileOptions): Promise<CompiledDeck> {
  const baseDir = file.dirname ?? process.cwd()
  options.cache?.slides?.startBuild()
  file.data.allowOutside = options.allowOutside ?? options.allowOutsideImages ?? false
  const slides = await toSlides(file, options)
  const config = file.data.config!
  const themePath = findTheme(config, file, options.theme !== undefined)
  // KaTeX's stylesheet goes before the theme, so a theme can restyle math; its fonts are files beside it.
  const [mathStyle, ...mathFonts] = file.data.math ? mathAssets() : []
  const base = styleAssets(themePath)
  // The deck's own `css:` files come last, after the theme, as in Quarto; they are copied like images.
  const copied = localImages(file, baseDir)
  const deckStyles = copied.filter((asset) => config.css.includes(asset.href))
  const themeCss = readFileSync(themePath, 'utf8')
  const fonts = themeFonts(themeCss)
  if (file.data.diagrams) {
    const {placeDiagrams} = await import('./render/diagrams.js')
    await placeDiagrams(slides, file, () => ({css: themeCss, fontCss: fontFaceCss(fonts, (face) => dataUrl(face.asset.source))}), options.diagrams)
  }
  const parts: DeckParts = {
    body: slides.children.filter((node): node is Element => node.type === 'element'),
    styles: [...(mathStyle ? [...base.slice(0, -1), mathStyle, base[base.length - 1]!] : base), ...deckStyles],
    mathFonts,
    fonts,
    images: copied.filter((asset) => !deckStyles.includes(asset)),
    safe: file.data.safe ?? false
  }
  const slideCache = options.cache?.slides
  const assembled = await assembleDeck(parts, config, {embed: options.embed, serialise: slideCache && ((section) => slideCache.html(section))})
  applySeverities(file, config.lint)
  return {file, config, ...assembled, embedded: options.embed ?? false, slideCount: assembled.sections.length, parts}
}

function findTheme(config: DeckConfig, file: VFile, fromCaller: boolean): string {
  const baseDir = fromCaller ? process.cwd() : file.dirname ?? process.cwd()
  const found = resolveTheme(config.theme, baseDir)
  const place = file.data.matter?.place('theme')
  if ('path' in found) {
    if (fromCaller || found.shipped || allowedFile(file, found.path, 'theme', config.theme, place)) return found.path
  } else if (fromCaller) {
    throw new CitedeckError(found.problem, 'UNKNOWN_THEME', found.note)
  } else {
    report(file, found.problem, place, 'unknown-theme', {fatal: true, note: found.note})
  }
  return (resolveTheme(DEFAULT_THEME, baseDir) as {path: string}).path
}

/** Images that exist are assets; a missing one is an error at its position. */
function localImages(file: VFile, baseDir: string): Asset[] {
  const assets: Asset[] = []
  const seen = new Set<string>()
  for (const image of file.data.images ?? []) {
    const source = resolve(baseDir, image.source)
    if (!existsSync(source)) {
      report(file, `image not found: ${image.source}`, image.position, 'missing-image', {
        fatal: true,
        note: `looked for ${relative(process.cwd(), source) || source}`
      })
    } else if (!statSync(source).isFile()) {
      // A FIFO or device would hang the copy; a folder cannot be one.
      report(file, `image is not a file: ${image.source}`, image.position, 'missing-image', {fatal: true, note: 'link an image file (PNG, JPEG, SVG…)'})
    } else if (allowedFile(file, source, 'image', image.source, image.position) && !seen.has(image.href)) {
      seen.add(image.href)
      assets.push({href: image.href, source})
    }
  }
  return assets
}

export interface WriteOptions {
  /** Output folder (or `.html` file with `embed`). */
  output: string
  /** Replace an output folder citedeck did not make (default: `false`). */
  force?: boolean
}

/** Writes a compiled deck; refuses when it has errors, keeping the last good output. */
export async function writeDeck(deck: CompiledDeck, options: WriteOptions): Promise<string> {
  if (hasErrors(deck.file)) {
    throw new CitedeckError('the deck has errors; the previous output was kept', 'CONTENT')
  }
  const output = resolve(options.output)
  if (extname(output).toLowerCase() === '.html') {
    // A deck with assets would lose them in one file: that is what --embed is for.
    if (deck.assets.length > 0) {
      throw new CitedeckError(`-o ${options.output} writes one file, but the deck needs its assets beside it`, 'USAGE', 'add --embed for one self-contained .html file, or give a folder with -o')
    }
    await checkOutputFile(output, deck.file.path, options.force ?? false)
    await writeFileAtomic(output, deck.html)
    return output
  }
  await checkOutputFolder(output, deck.file.path, options.force ?? false)
  await replaceFolder(output, async (folder) => {
    await writeFileAtomic(join(folder, 'index.html'), deck.html)
    for (const asset of deck.assets) {
      const target = join(folder, asset.href)
      await mkdir(dirname(target), {recursive: true})
      await copyFile(asset.source, target)
    }
  })
  return output
}

/** `dist/<deck>`: the folder name for `deck.md`/`index.md`, else the file's name. */
export function defaultOutput(sourcePath: string, embed = false): string {
  const name = basename(sourcePath, extname(sourcePath))
  const deckName = name === 'deck' || name === 'index' ? basename(dirname(resolve(sourcePath))) : name
  return join('dist', embed ? `${deckName}.html` : deckName)
}
