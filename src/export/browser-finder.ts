/**
 * Finds an installed Chrome, Chromium or Edge; citedeck never downloads one.
 * Order: `CITEDECK_BROWSER`, `PUPPETEER_EXECUTABLE_PATH`, `CHROME_PATH`, the
 * usual program names on `PATH`, then the usual install locations. Failing,
 * one error lists everything that was tried and how to fix it.
 */
import {accessSync, constants, statSync} from 'node:fs'
import {homedir} from 'node:os'
import {posix, win32} from 'node:path'
import {CitedeckError} from '../errors.js'

/** Where to look; every field defaults to the running process (tests pass fakes). */
export interface FinderOptions {
  /** Environment variables (default: `process.env`). */
  env?: NodeJS.ProcessEnv
  /** Platform whose names and install locations to try (default: `process.platform`). */
  platform?: NodeJS.Platform
  /** Whether a path is an executable file (default: a real `stat` + `access` check). */
  isExecutable?: (path: string) => boolean
}

export const BROWSER_VARIABLES = ['CITEDECK_BROWSER', 'PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'] as const

const PATH_NAMES = [
  'google-chrome-stable',
  'google-chrome',
  'chromium',
  'chromium-browser',
  'chrome',
  'microsoft-edge',
  'microsoft-edge-stable',
  'msedge'
]

export function findBrowser(options: FinderOptions = {}): string {
  const env = options.env ?? process.env
  const platform = options.platform ?? process.platform
  const isExecutable = options.isExecutable ?? isExecutableFile
  const unset: string[] = []
  const tried: string[] = []

  for (const name of BROWSER_VARIABLES) {
    const value = env[name]
    if (!value) {
      unset.push(name)
      continue
    }
    if (isExecutable(value)) return value
    // citedeck's own variable is an explicit choice: falling back would hide the typo.
    if (name === 'CITEDECK_BROWSER') {
      throw new CitedeckError(
        `CITEDECK_BROWSER is ${value}, which is not an executable file`,
        'NOT_FOUND_BROWSER',
        'set CITEDECK_BROWSER to the path of Chrome, Chromium or Edge, or unset it to search the usual places'
      )
    }
    tried.push(`${name}=${value} (not an executable file)`)
  }

  const path = platform === 'win32' ? win32 : posix
  const names = platform === 'win32' ? ['chrome.exe', 'msedge.exe', 'chromium.exe'] : PATH_NAMES
  const folders = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean)
  for (const folder of folders) {
    for (const name of names) {
      const candidate = path.join(folder, name)
      if (isExecutable(candidate)) return candidate
    }
  }
  tried.push(`on PATH: ${names.join(', ')}`)

  const locations = installLocations(platform, env)
  for (const candidate of locations) {
    if (isExecutable(candidate)) return candidate
  }
  tried.push(...locations)

  throw new CitedeckError(
    `no Chrome, Chromium or Edge found; tried:\n    ${unset.length > 0 ? `${unset.join(', ')} (not set)\n    ` : ''}${tried.join('\n    ')}`,
    'NOT_FOUND_BROWSER',
    `install one (Debian/Ubuntu: apt-get install chromium; macOS: brew install --cask chromium), or set CITEDECK_BROWSER to its executable`
  )
}

/** The usual install locations on each platform, most common first. */
export function installLocations(platform: NodeJS.Platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary'
    ]
    const home = env.HOME ?? homedir()
    return [...apps.map((app) => `/Applications/${app}`), ...apps.map((app) => posix.join(home, 'Applications', app))]
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string => Boolean(root))
    const programs = ['Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe', 'Chromium\\Application\\chrome.exe']
    return programs.flatMap((program) => roots.map((root) => win32.join(root, program)))
  }
  return [
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/opt/google/chrome/chrome',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/lib/chromium/chromium',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge',
    '/opt/microsoft/msedge/msedge'
  ]
}

/** A file (not a folder) that this user may run. */
export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false
    if (process.platform !== 'win32') accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}
