/**
 * Collects the deck's local images so the builder can check and copy them, and
 * points each at its copy under `media/`. Remote images are left as they are
 * but reported: a classroom may have no network.
 */
import type {Image, Root} from 'mdast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {report} from '../messages.js'
import {walkType} from '../walk.js'

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

export function remarkImages() {
  return (tree: Root, file: VFile) => {
    const images: LocalImage[] = []
    const hrefs = new Map<string, string>()
    const taken = new Set<string>()
    walkType<Image>(tree, 'image', (node) => {
      if (node.url.startsWith('data:')) return
      if (REMOTE.test(node.url) || node.url.startsWith('//')) {
        report(file, `remote image \`${node.url}\` will not show without a network`, node, 'remote-image', {
          note: 'download it next to the deck and link the local copy'
        })
        return
      }
      const source = decodeURI(node.url.split(/[?#]/)[0]!)
      let href = hrefs.get(source)
      if (!href) {
        href = uniqueHref(source, taken)
        hrefs.set(source, href)
      }
      images.push({source, href, position: node.position})
      node.url = href
    })
    file.data.images = images
  }
}

function uniqueHref(source: string, taken: Set<string>): string {
  const name = source.split(/[\\/]/).pop()!.replace(/[^\w.-]+/g, '-') || 'image'
  let href = `media/${name}`
  for (let index = 2; taken.has(href); index++) href = `media/${index}-${name}`
  taken.add(href)
  return href
}
