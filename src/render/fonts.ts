/**
 * Fonts shipped with the deck, so it looks the same on every machine and
 * offline: the families a theme names, from their @fontsource packages (SIL
 * Open Font License, embedding allowed). Only the faces of the families the
 * theme's CSS names are copied, in their latin and latin-ext subsets; the
 * `@font-face` rules and `unicode-range`s are read from the package's own CSS,
 * so a subset is fetched only when the slide's text needs it.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import type {Asset} from './assets.js'

interface ShippedFamily {
  family: string
  /** The @fontsource package, without its scope. */
  package: string
  weights: number[]
}

/** Every family a theme may name to get it shipped; all have normal and italic faces. */
export const SHIPPED_FAMILIES: readonly ShippedFamily[] = [
  {family: 'Source Sans 3', package: 'source-sans-3', weights: [400, 700]},
  {family: 'Source Serif 4', package: 'source-serif-4', weights: [400, 700]},
  {family: 'Source Code Pro', package: 'source-code-pro', weights: [400, 700]},
  {family: 'Atkinson Hyperlegible', package: 'atkinson-hyperlegible', weights: [400, 700]},
  {family: 'Inter', package: 'inter', weights: [400, 700]},
  {family: 'JetBrains Mono', package: 'jetbrains-mono', weights: [400, 700]}
]

const SUBSETS = ['latin-ext', 'latin']

export interface ShippedFace {
  family: string
  weight: number
  style: 'normal' | 'italic'
  unicodeRange: string
  /** The woff2 file, copied to `fonts/`. */
  asset: Asset
}

const require = createRequire(import.meta.url)

/** The faces of every shipped family that `themeCss` names (quoted, as in `font-family: 'Inter'`). */
export function themeFonts(themeCss: string): ShippedFace[] {
  return SHIPPED_FAMILIES.filter((entry) => namesFamily(themeCss, entry.family)).flatMap(familyFaces)
}

/** `@font-face` rules for `faces`, each file at `url(face)`: its href in the deck, or a data URL when embedded. */
export function fontFaceCss(faces: ShippedFace[], url: (face: ShippedFace) => string): string {
  return faces
    .map(
      (face) =>
        `@font-face{font-family:'${face.family}';font-style:${face.style};font-weight:${face.weight};` +
        // `block`: slides are fitted with the real font, so a fallback must never be shown in its place.
        `font-display:block;src:url(${url(face)}) format('woff2');unicode-range:${face.unicodeRange}}`
    )
    .join('\n')
}

function namesFamily(css: string, family: string): boolean {
  return css.includes(`'${family}'`) || css.includes(`"${family}"`)
}

function familyFaces(entry: ShippedFamily): ShippedFace[] {
  const folder = dirname(require.resolve(`@fontsource/${entry.package}/LICENSE`))
  return entry.weights.flatMap((weight) =>
    (['normal', 'italic'] as const).flatMap((style) => {
      const css = readFileSync(join(folder, `${weight}${style === 'italic' ? '-italic' : ''}.css`), 'utf8')
      return SUBSETS.map((subset): ShippedFace => {
        const name = `${entry.package}-${subset}-${weight}-${style}`
        const rule = new RegExp(`/\\* ${name} \\*/\\s*@font-face\\s*{[^}]*unicode-range:\\s*([^;}]+)`).exec(css)
        if (!rule) throw new Error(`@fontsource/${entry.package} has no ${name} face`)
        return {
          family: entry.family,
          weight,
          style,
          unicodeRange: rule[1]!.trim(),
          asset: {href: `fonts/${name}.woff2`, source: join(folder, 'files', `${name}.woff2`)}
        }
      })
    })
  )
}
