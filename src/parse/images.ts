/**
 * Collects the deck's local images so the builder can check and copy them, and
 * points each at its copy under `media/`, also `<img src>` in raw HTML (a
 * habit of Quarto decks, for sizes Markdown cannot say). Remote images are
 * left as they are but reported: a classroom may have no network.
 */
import type {Properties} from 'hast'
import type {Heading, Nodes, Root} from 'mdast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {report} from '../messages.js'
import {walk} from '../walk.js'
import type {SafeOptions} from './safe.js'

export interface LocalImage {
  /** The path as written in the deck (relative to the deck's folder). */
  source: string
  /** Where the copy goes in the output folder. */
  href: string
  position?: Position
}

declare module 'vfile' {
  interface DataMap {
    images: LocalImage[]
  }
}

const REMOTE = /^[a-z][a-z\d+.-]*:/i
/** An `<img>` tag's `src` in raw HTML: the quote (if any) and the URL. */
const HTML_IMAGE_SOURCE = /(<img\b[^>]*?\ssrc\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi

export function remarkImages(options: SafeOptions = {}) {
  return (tree: Root, file: VFile) => {
    // With --safe raw HTML is left out (./safe.ts), so its images are not the deck's.
    const rawHtml = options.safe !== true && file.data.matter?.data.safe !== true
    const images: LocalImage[] = []
    const hrefs = new Map<string, string>()
    const taken = new Set<string>()
    /** The copy's href for a local file; `undefined` (and reported when remote) otherwise. */
    const localise = (url: string, position: Position | undefined, what: string): string | undefined => {
      if (url.startsWith('data:')) return undefined
      if (REMOTE.test(url) || url.startsWith('//')) {
        report(file, `remote ${what} \`${url}\` will not show without a network`, position, 'remote-image', {
          note: 'download it next to the deck and link the local copy'
        })
        return undefined
      }
      const source = decodePath(url.split(/[?#]/)[0]!)
      let href = hrefs.get(source)
      if (!href) {
        href = uniqueHref(source, taken)
        hrefs.set(source, href)
      }
      images.push({source, href, position})
      return href
    }
    walk<Nodes>(tree, (node) => {
      if (node.type === 'image') {
        node.url = localise(node.url, node.position, 'image') ?? node.url
      } else if (node.type === 'html' && rawHtml) {
        node.value = node.value.replace(HTML_IMAGE_SOURCE, (tag, start: string, double?: string, single?: string, bare?: string) => {
          const url = double ?? single ?? bare ?? ''
          const href = url && localise(url, node.position, 'image')
          return href ? `${start}"${href}"` : tag
        })
      } else if (node.type === 'heading' && node.data?.hProperties) {
        localiseBackground(node.data.hProperties, node, localise, file)
      }
    })
    const config = file.data.config
    if (config?.logo) {
      const place = file.data.matter?.place('logo')
      config.logo = localise(config.logo, place && {start: place, end: place}, 'logo') ?? config.logo
    }
    if (config) {
      const place = file.data.matter?.place('css')
      config.css = config.css.map((path) => localise(path, place && {start: place, end: place}, 'stylesheet') ?? path)
    }
    file.data.images = images
  }
}

/** A slide's `background-image` and `background-video` are copied like images; a web page as background cannot be. */
function localiseBackground(
  properties: Properties,
  heading: Heading,
  localise: (url: string, position: Position | undefined, what: string) => string | undefined,
  file: VFile
) {
  for (const key of ['data-background-image', 'data-background-video', 'data-background']) {
    const url = properties[key]
    // `background="#123"` is a colour; only a path names a file.
    if (typeof url !== 'string' || (key === 'data-background' && !/\.\w{2,5}$/.test(url))) continue
    properties[key] = localise(url, heading.position, key.endsWith('video') ? 'video' : 'image') ?? url
  }
  if (typeof properties['data-background-iframe'] === 'string') {
    report(file, `background web page \`${properties['data-background-iframe']}\` will not show offline`, heading, 'remote-image', {
      note: 'use a screenshot as `background-image`, or link the page'
    })
  }
}

/** `my%20map.png` is `my map.png`; a `%` that starts no escape (`50%-off.png`) is the file's own name. */
function decodePath(path: string): string {
  try {
    return decodeURI(path)
  } catch {
    return path
  }
}

function uniqueHref(source: string, taken: Set<string>): string {
  const name = source.split(/[\\/]/).pop()!.replace(/[^\w.-]+/g, '-') || 'image'
  let href = `media/${name}`
  for (let index = 2; taken.has(href); index++) href = `media/${index}-${name}`
  taken.add(href)
  return href
}
