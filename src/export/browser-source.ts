/**
 * How a browser is handed to the steps that use one (fit, measure, diagrams,
 * the exporters, a `Project` given one): open, opening, or a function that
 * opens it at the first need. A leaf: types and one helper, no puppeteer.
 */
import type {Browser} from 'puppeteer-core'

export type BrowserSource = Browser | Promise<Browser> | (() => Promise<Browser>)

/** The browser a source gives (opened now when it is a function). */
export function openBrowser(source: BrowserSource): Promise<Browser> {
  return typeof source === 'function' ? source() : Promise.resolve(source)
}
