/**
 * Fonts shipped with the deck: only the families a theme names, latin and
 * latin-ext woff2 faces from their @fontsource packages, linked from the
 * deck's folder or inlined by --embed.
 */
import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {compileDeck} from '../../src/index.js'
import {SHIPPED_FAMILIES, fontFaceCss, themeFonts} from '../../src/render/fonts.js'

const theme = (name: string) => readFileSync(new URL(`../../themes/${name}.css`, import.meta.url), 'utf8')
const deck = () => new VFile({path: 'deck.md', value: '---\ntitle: Fonts\n---\n\n## A slide\n\nText.\n'})

describe('fonts shipped with the deck', () => {
  it('ships the faces of the families a theme names, and only those', () => {
    const families = (name: string) => [...new Set(themeFonts(theme(name)).map((face) => face.family))].sort()
    expect(families('classroom')).toEqual(['Source Code Pro', 'Source Sans 3', 'Source Serif 4'])
    expect(families('chalkboard')).toEqual(['Atkinson Hyperlegible', 'JetBrains Mono'])
    expect(families('studio')).toEqual(['Inter', 'JetBrains Mono'])
    expect(themeFonts('.reveal { font-family: Georgia, serif; }')).toEqual([])
  })

  it('takes every face from its package: a woff2 file and its unicode-range, latin and latin-ext', () => {
    const faces = SHIPPED_FAMILIES.flatMap((family) => themeFonts(`--x: '${family.family}';`))
    expect(faces).toHaveLength(SHIPPED_FAMILIES.length * 2 * 2 * 2)
    for (const face of faces) {
      expect(existsSync(face.asset.source), face.asset.source).toBe(true)
      expect(face.asset.href).toMatch(/^fonts\/[a-z0-9-]+-latin(-ext)?-(400|700)-(normal|italic)\.woff2$/)
      expect(face.unicodeRange).toMatch(/^U\+[0-9A-F]/)
    }
    const css = fontFaceCss(faces.slice(0, 1), (face) => face.asset.href)
    expect(css).toMatch(/^@font-face\{font-family:'Source Sans 3';font-style:normal;font-weight:400;font-display:block;src:url\(fonts\/source-sans-3-latin-ext-400-normal\.woff2\) format\('woff2'\);unicode-range:U\+/)
  })

  it('links the faces from the deck folder, or inlines them with --embed', async () => {
    const linked = await compileDeck(deck(), {theme: 'chalkboard'})
    expect(linked.assets.filter((asset) => asset.href.startsWith('fonts/'))).toHaveLength(16)
    expect(linked.html).toContain("src:url(fonts/atkinson-hyperlegible-latin-400-normal.woff2) format('woff2')")
    const embedded = await compileDeck(deck(), {theme: 'chalkboard', embed: true})
    expect(embedded.assets).toEqual([])
    expect(embedded.html).not.toContain('url(fonts/')
    expect(embedded.html.match(/src:url\(data:font\/woff2;base64,/g)).toHaveLength(16)
  })
})
