/**
 * One Chromium for every browser test file: launched once for the run, its
 * DevTools endpoint handed to the test files through `provide`/`inject`
 * (`connectBrowser()` in ./shared.ts). When no browser is installed the
 * browser tests are skipped with the finder's own message; CI installs one.
 */
import type {TestProject} from 'vitest/node'
import {launchBrowser} from '../../src/export/browser.js'
import {findBrowser} from '../../src/export/browser-finder.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** WebSocket endpoint of the shared browser; empty when there is none. */
    browserEndpoint: string
    /** Its temporary profile folder (tests tell its processes from others by it). */
    browserProfile: string
    /** Why browser tests are skipped; empty when they run. */
    browserSkip: string
  }
}

export default async function setup(project: TestProject) {
  let executablePath: string
  try {
    executablePath = findBrowser()
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error)
    project.provide('browserEndpoint', '')
    project.provide('browserProfile', '')
    project.provide('browserSkip', `${reason} (install Chromium or set CITEDECK_BROWSER to run them)`)
    console.warn(`\nbrowser tests skipped: ${reason}; install Chromium or set CITEDECK_BROWSER to run them\n`)
    return
  }
  const session = await launchBrowser({executablePath, shareable: true})
  project.provide('browserEndpoint', session.browser.wsEndpoint())
  project.provide('browserProfile', session.profile)
  project.provide('browserSkip', '')
  return () => session.close()
}
