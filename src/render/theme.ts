/**
 * Theme lookup: a name from the shipped `themes/` folder, or a path to the
 * user's own CSS file; anything else (`theme: ../../etc/passwd`, an image) is
 * refused, since the theme is copied into the output and served.
 */
import {closeSync, existsSync, openSync, readdirSync, readSync, statSync} from 'node:fs'
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

export type ThemeLookup = {path: string; shipped: boolean} | {problem: string; note: string}

/**
 * The theme's CSS file: a shipped name in any case (`Chalkboard`), or a path
 * (anything with a slash or an extension) to an existing `.css` file of text.
 */
export function resolveTheme(theme: string, baseDir: string): ThemeLookup {
  if (!extname(theme) && !/[\\/]/.test(theme)) {
    const name = availableThemes().find((shipped) => shipped.toLowerCase() === theme.toLowerCase())
    if (name) return {path: resolve(THEMES, `${name}.css`), shipped: true}
    return {problem: `unknown theme '${theme}'`, note: `use one of ${availableThemes().join(', ')}, or the path of a .css file`}
  }
  const path = resolve(baseDir, theme)
  if (extname(theme).toLowerCase() !== '.css') {
    return {problem: `a theme must be a CSS file (.css): ${theme}`, note: `use one of ${availableThemes().join(', ')}, or the path of a .css file`}
  }
  if (!existsSync(path)) return {problem: `theme not found: ${theme}`, note: `looked for ${path}`}
  if (!isTextFile(path)) return {problem: `a theme must be a CSS file: ${theme} is not text`, note: 'a theme is plain CSS; see themes/ for examples'}
  return {path, shipped: false}
}

/** A regular file whose first 64 KB hold no NUL byte and are valid UTF-8 (a cut character at the end aside). */
function isTextFile(path: string): boolean {
  if (!statSync(path).isFile()) return false
  const buffer = Buffer.alloc(65_536)
  const descriptor = openSync(path, 'r')
  let length: number
  try {
    length = readSync(descriptor, buffer, 0, buffer.length, 0)
  } finally {
    closeSync(descriptor)
  }
  const head = buffer.subarray(0, length)
  if (head.includes(0)) return false
  try {
    new TextDecoder('utf-8', {fatal: true}).decode(head, {stream: length === buffer.length})
    return true
  } catch {
    return false
  }
}
