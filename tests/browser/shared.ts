/**
 * The shared browser from ./global-setup.ts, for test files: `describeBrowser`
 * skips its block (saying why) when no browser is installed, and
 * `connectBrowser()` attaches to the one Chromium of the run.
 */
import puppeteer, {type Browser} from 'puppeteer-core'
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
