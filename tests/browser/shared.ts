/**
 * The shared browser from ./global-setup.ts, for test files: `describeBrowser`
 * skips its block (saying why) when no browser is installed, and
 * `connectBrowser()` attaches to the one Chromium of the run.
 */
import {pathToFileURL} from 'node:url'
import puppeteer, {type Browser, type Page} from 'puppeteer-core'
import {describe, inject} from 'vitest'

export const browserSkip = inject('browserSkip')

/** `describe`, or `describe.skip` with the reason in its name when there is no browser. */
export function describeBrowser(name: string, body: () => void) {
  if (browserSkip) describe.skip(`${name} (skipped: ${browserSkip})`, body)
  else describe(name, body)
}

/** Connects to the shared browser; call `browser.disconnect()` in `afterAll`. */
export function connectBrowser(): Promise<Browser> {
  return puppeteer.connect({browserWSEndpoint: inject('browserEndpoint'), defaultViewport: null})
}

/** The shared browser's profile folder, so tests can tell its processes from any they start. */
export const sharedProfile = () => inject('browserProfile')

/** A built deck opened from `file://` at 1280 × 720, with the requests it made and its page errors. */
export interface OpenDeck {
  browser: Browser
  page: Page
  requests: string[]
  errors: string[]
}

/** Opens `index.html` of a built deck in the shared browser and waits until Reveal is ready. */
export async function openDeck(indexHtml: string): Promise<OpenDeck> {
  const browser = await connectBrowser()
  const page = await browser.newPage()
  const requests: string[] = []
  const errors: string[] = []
  await page.setViewport({width: 1280, height: 720})
  page.on('request', (request) => requests.push(request.url()))
  page.on('pageerror', (error) => errors.push(String(error)))
  await page.goto(pathToFileURL(indexHtml).href, {waitUntil: 'load'})
  await page.waitForFunction(() => (window as unknown as {Reveal?: {isReady: () => boolean}}).Reveal?.isReady() === true)
  return {browser, page, requests, errors}
}

/** The shared browser, connected when first asked for (a project drawing diagrams asks only for new ones); `disconnect()` in `afterAll`. */
export function lazySharedBrowser() {
  let connected: Promise<Browser> | undefined
  return {
    browser: () => (connected ??= connectBrowser()),
    disconnect: async () => (await connected)?.disconnect()
  }
}
