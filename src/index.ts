/**
 * citedeck's public API. The CLI is a thin client of these functions.
 *
 * ```js
 * import {build} from 'citedeck'
 * const result = await build('slides/talk/deck.md', {output: 'dist/talk'})
 * ```
 */
export {build} from './build-deck.js'
export type {BuildOptions, BuildResult} from './build-deck.js'
export {compileDeck, defaultOutput, writeDeck} from './build.js'
export {check} from './check/index.js'
export type {CheckOptions, CheckResult} from './check/index.js'
export type {MeasuredSlide} from './check/measure.js'
export type {CompiledDeck, CompileOptions, WriteOptions} from './build.js'
export type {DeckConfig} from './config.js'
export {CitedeckError, exitCodeFor} from './errors.js'
export {readSource} from './io/read-source.js'
export {formatReport, importEssay, isEssayPath} from './import/index.js'
export type {CslItem, ImportOptions, ImportReport, ImportResult} from './import/index.js'
export {readEssay} from './import/read-essay.js'
export {availableThemes} from './render/theme.js'
export {exportPdf} from './export/pdf.js'
export type {HandoutSize, Paper, PdfOptions, PdfResult, PdfStep} from './export/pdf.js'
export {exportPptx} from './export/pptx/index.js'
export type {PptxOptions, PptxResult} from './export/pptx/index.js'
export {exportPdfs} from './export/batch.js'
export type {BatchItem, BatchOptions} from './export/batch.js'
export {launchBrowser} from './export/browser.js'
export type {BrowserSession, LaunchOptions} from './export/browser.js'
export {findBrowser} from './export/browser-finder.js'
export type {FinderOptions} from './export/browser-finder.js'
export {serve} from './serve/index.js'
export type {DeckUpdate, Preview, ServeOptions} from './serve/index.js'
