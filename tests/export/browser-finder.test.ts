/** The browser finder with a fake environment: real executables in temp folders, fake install locations. */
import {chmodSync, mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {CitedeckError} from '../../src/errors.js'
import {findBrowser, installLocations, isExecutableFile} from '../../src/export/browser-finder.js'

function folderWith(...names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'citedeck-finder-'))
  for (const name of names) {
    writeFileSync(join(dir, name), '#!/bin/sh\n')
    chmodSync(join(dir, name), 0o755)
  }
  return dir
}

const nothingInstalled = () => false

function failure(run: () => unknown): CitedeckError {
  try {
    run()
  } catch (error) {
    if (error instanceof CitedeckError) return error
    throw error
  }
  throw new Error('expected findBrowser to fail')
}

describe('findBrowser', () => {
  it('takes CITEDECK_BROWSER first, then PUPPETEER_EXECUTABLE_PATH, then CHROME_PATH', () => {
    const dir = folderWith('a', 'b', 'c', 'chromium')
    const env = {
      CITEDECK_BROWSER: join(dir, 'a'),
      PUPPETEER_EXECUTABLE_PATH: join(dir, 'b'),
      CHROME_PATH: join(dir, 'c'),
      PATH: dir
    }
    expect(findBrowser({env, platform: 'linux'})).toBe(join(dir, 'a'))
    expect(findBrowser({env: {...env, CITEDECK_BROWSER: undefined}, platform: 'linux'})).toBe(join(dir, 'b'))
    expect(findBrowser({env: {CHROME_PATH: join(dir, 'c'), PATH: dir}, platform: 'linux'})).toBe(join(dir, 'c'))
  })

  it('fails at once when CITEDECK_BROWSER names no executable, rather than picking another browser', () => {
    const dir = folderWith('chromium')
    const error = failure(() => findBrowser({env: {CITEDECK_BROWSER: join(dir, 'typo'), PATH: dir}, platform: 'linux'}))
    expect(error.code).toBe('NOT_FOUND_BROWSER')
    expect(error.message).toContain('CITEDECK_BROWSER')
    expect(error.message).toContain('typo')
  })

  it('skips a stale PUPPETEER_EXECUTABLE_PATH and finds a browser on PATH, in the order of the names', () => {
    const empty = folderWith()
    const dir = folderWith('chromium', 'google-chrome')
    const found = findBrowser({env: {PUPPETEER_EXECUTABLE_PATH: '/gone/chrome', PATH: `${empty}:${dir}`}, platform: 'linux'})
    expect(found).toBe(join(dir, 'google-chrome'))
  })

  it('ignores files on PATH that are not executable', () => {
    const dir = folderWith()
    writeFileSync(join(dir, 'chromium'), 'not a program')
    mkdirSync(join(dir, 'google-chrome'))
    // Only the temp folder counts: this machine's own browser must not be found.
    const error = failure(() => findBrowser({env: {PATH: dir}, platform: 'linux', isExecutable: (path) => path.startsWith(dir) && isExecutableFile(path)}))
    expect(error.code).toBe('NOT_FOUND_BROWSER')
  })

  it('falls back to the usual install locations of each platform', () => {
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
    expect(findBrowser({env: {PATH: ''}, platform: 'darwin', isExecutable: (path) => path === mac})).toBe(mac)
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'
    const windows = {PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)', Path: ''}
    expect(findBrowser({env: windows, platform: 'win32', isExecutable: (path) => path === edge})).toBe(edge)
    expect(findBrowser({env: {}, platform: 'linux', isExecutable: (path) => path === '/usr/bin/chromium'})).toBe('/usr/bin/chromium')
  })

  it('looks for .exe names on a Windows PATH', () => {
    const found = findBrowser({
      env: {Path: 'C:\\Tools;C:\\Chrome'},
      platform: 'win32',
      isExecutable: (path) => path === 'C:\\Chrome\\chrome.exe'
    })
    expect(found).toBe('C:\\Chrome\\chrome.exe')
  })

  it('lists everything it tried and how to fix it when nothing is found', () => {
    const error = failure(() => findBrowser({env: {PATH: '/nowhere', CHROME_PATH: '/old/chrome'}, platform: 'linux', isExecutable: nothingInstalled}))
    expect(error.code).toBe('NOT_FOUND_BROWSER')
    expect(error.message).toContain('no Chrome, Chromium or Edge found')
    expect(error.message).toContain('CITEDECK_BROWSER, PUPPETEER_EXECUTABLE_PATH (not set)')
    expect(error.message).toContain('CHROME_PATH=/old/chrome (not an executable file)')
    expect(error.message).toContain('on PATH: google-chrome-stable, google-chrome, chromium')
    for (const location of installLocations('linux')) expect(error.message).toContain(location)
    expect(error.hint).toContain('apt-get install chromium')
    expect(error.hint).toContain('CITEDECK_BROWSER')
  })
})
