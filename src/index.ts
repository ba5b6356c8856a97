/**
 * citedeck's public API. The CLI is a thin client of these functions.
 *
 * ```js
 * import {build} from 'citedeck'
 * const result = await build('slides/talk/deck.md', {output: 'dist/talk'})
 * ```
 *
 * `Project` is the engine under all of them: it owns the options, one
 * browser and the caches, and runs compile → fit → emit(format) for many
 * decks and formats (see src/project/index.ts).
 */
export {Project} from './project/index.js'
export type {BuildRun, CompileRun, ProjectBuild, ProjectOptions} from './project/index.js'
export {FORMATS, FORMAT_NAMES, outputPaths, parseFormats} from './formats/index.js'
export type {EmitContext, Emitted, Format, FormatName, FormatOptions} from './formats/index.js'
export {build} from './build-deck.js'
export type {BuildOptions, BuildResult} from './build-deck.js'
export {defaultOutput, writeDeck} from './build.js'
export {compileDeck} from './api/compile.js'
export {check} from './check/index.js'
export type {CheckOptions, CheckResult} from './check/index.js'
export type {MeasuredSlide} from './check/measure.js'
export type {CompileOptions, WriteOptions} from './build.js'
export type {CompiledDeck, DeckParts} from './deck.js'
export type {DeckConfig} from './config.js'
export {CitedeckError, exitCodeFor} from './errors.js'
export {readSource} from './io/read-source.js'
export {formatReport, importEssay, isEssayPath} from './import/index.js'
export type {CslItem, ImportOptions, ImportReport, ImportResult} from './import/index.js'
export {readEssay} from './import/read-essay.js'
export {availableThemes} from './render/theme.js'
export {exportPdf} from './api/pdf.js'
export type {PdfOptions, PdfResult} from './api/pdf.js'
export type {HandoutSize, Paper, PdfStep} from './export/pdf.js'
export {exportPptx} from './api/pptx.js'
export type {PptxOptions, PptxResult} from './api/pptx.js'
export {exportPdfs} from './api/batch.js'
export type {BatchItem, BatchOptions} from './api/batch.js'
export {launchBrowser} from './export/browser.js'
export type {BrowserSession, LaunchOptions} from './export/browser.js'
export {findBrowser} from './export/browser-finder.js'
export type {FinderOptions} from './export/browser-finder.js'
export {serve} from './serve/index.js'
export type {DeckUpdate, Preview, ServeOptions} from './serve/index.js'
