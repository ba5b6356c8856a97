/**
 * `--embed`: one HTML file a teacher can mail. Stylesheets and scripts are
 * inlined and images become data URLs, so the file needs nothing beside it.
 */
import {readFileSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {extname} from 'node:path'
import type {Element, Root} from 'hast'
import {walkType} from '../walk.js'
import type {Asset} from './assets.js'

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.woff2': 'font/woff2'
}

// Where a deck names a copied file: images, slide backgrounds, the logo.
const URL_PROPERTIES = ['src', 'data-background-image', 'data-background-video', 'data-background']

/** An asset's text, safe inside `<style>`/`<script>`: a closing tag would end the element early. */
export function inlineAsset(asset: Asset): string {
  return (asset.inline ? asset.inline() : readFileSync(asset.source, 'utf8')).replace(/<\/(script|style)/gi, '<\\/$1')
}

/** A file as a `data:` URL (fonts, read while the page is assembled). */
export function dataUrl(source: string): string {
  return `data:${mimeOf(source)};base64,${readFileSync(source).toString('base64')}`
}

function mimeOf(source: string): string {
  return MIME[extname(source).toLowerCase()] ?? 'application/octet-stream'
}

export async function inlineImages(tree: Root | Element[], images: Asset[]): Promise<void> {
  const urls = new Map<string, string>()
  for (const image of images) {
    urls.set(image.href, `data:${mimeOf(image.source)};base64,${(await readFile(image.source)).toString('base64')}`)
  }
  walkType<Element>(tree, 'element', (node) => {
    for (const key of URL_PROPERTIES) {
      const url = node.properties?.[key]
      if (typeof url === 'string' && urls.has(url)) node.properties[key] = urls.get(url)!
    }
  })
}
