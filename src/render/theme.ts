/**
 * Theme lookup: a name from the shipped `themes/` folder, or a path to the
 * user's own CSS file.
 */
import {existsSync, readdirSync} from 'node:fs'
import {dirname, extname, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const THEMES = resolve(PACKAGE_ROOT, 'themes')

export function availableThemes(): string[] {
  return readdirSync(THEMES)
    .filter((name) => name.endsWith('.css'))
    .map((name) => name.slice(0, -4))
    .sort()
}

/** The theme's CSS path, or `undefined` when neither a shipped name nor an existing file. */
export function resolveTheme(theme: string, baseDir: string): string | undefined {
  if (extname(theme) === '.css' || theme.includes('/') || theme.includes('\\')) {
    const path = resolve(baseDir, theme)
    return existsSync(path) ? path : undefined
  }
  const path = resolve(THEMES, `${theme}.css`)
  return existsSync(path) ? path : undefined
}
