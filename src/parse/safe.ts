/**
 * `--safe` (or `safe: true` in front matter), for building a deck someone
 * else wrote: the author's raw HTML, `javascript:` links and event-handler
 * attributes (`{onclick=…}`) are left out, one warning each. Without it raw
 * HTML is kept and runs, as in pandoc and Quarto, also while citedeck
 * measures and prints the deck.
 */
import type {Nodes, Parent, Root} from 'mdast'
import type {VFile} from 'vfile'
import {report} from '../messages.js'
import {walk} from '../walk.js'

export interface SafeOptions {
  safe?: boolean
}

declare module 'vfile' {
  interface DataMap {
    /** Built with `--safe` or `safe: true`: the page gets the strict policy too (render/content-policy.ts). */
    safe: boolean
  }
}

const SCRIPT_URL = /^[\s\u0000-\u001f]*(?:javascript|vbscript|data\s*:\s*text\/html)/i

export function remarkSafe(options: SafeOptions = {}) {
  return (tree: Root, file: VFile) => {
    file.data.safe = options.safe === true || file.data.matter?.data.safe === true
    if (!file.data.safe) return
    const note = 'left out because the deck is built with --safe (or safe: true)'
    const dropped = new Set<Nodes>()
    walk<Nodes>(tree, (node) => {
      if (node.type === 'html') {
        report(file, 'raw HTML left out', node, 'safe', {note})
        dropped.add(node)
        return
      }
      if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && SCRIPT_URL.test(node.url)) {
        report(file, `script link \`${node.url.slice(0, 40)}\` left out`, node, 'safe', {note})
        node.url = ''
      }
      const properties = node.data?.hProperties
      if (properties) {
        for (const name of Object.keys(properties)) {
          const value = String(properties[name] ?? '')
          if (/^on/i.test(name) || (/^(?:href|src|action|formaction|xlink:?href)$/i.test(name) && SCRIPT_URL.test(value))) {
            report(file, `attribute \`${name}\` left out`, node, 'safe', {note})
            delete properties[name]
          }
        }
      }
    })
    if (dropped.size === 0) return
    walk<Nodes>(tree, (node) => {
      if ('children' in node) (node as Parent).children = (node as Parent).children.filter((child) => !dropped.has(child as Nodes))
    })
  }
}
