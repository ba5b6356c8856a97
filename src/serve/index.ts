/**
 * `serve()`: live preview. Builds the deck in memory, serves it on the
 * loopback interface, rebuilds on every save and pushes the result to open
 * pages, which update in place.
 *
 * ```js
 * import {serve} from 'citedeck'
 * const preview = await serve('slides/talk/deck.md', {onUpdate: (update) => show(update.kind)})
 * show(preview.url)
 * await preview.close()
 * ```
 */
import type {AddressInfo} from 'node:net'
import {formatMessage} from '../cli/format.js'
import {CitedeckError} from '../errors.js'
import {type DeckUpdate, LiveDeck, type LiveDeckOptions} from './live-deck.js'
import {type PageChange, pageChange, type PageParts, pageParts} from './page-diff.js'
import {PreviewServer, type ServedDeck} from './server.js'

export type {DeckUpdate} from './live-deck.js'

export interface ServeOptions extends LiveDeckOptions {
  /** Port to listen on; the next free one is taken when it is busy, `0` picks any (default: `8000`). */
  port?: number
  /** Interface to listen on (default: `127.0.0.1`, this computer only). */
  host?: string
  /** Called after the first build and after every update, with its messages. */
  onUpdate?: (update: DeckUpdate) => void
  /**
   * Measure and fit slides as `build` does, in a headless browser once saves
   * pause (default: `true`; front matter `fit: false` wins).
   */
  fit?: LiveDeckOptions['fit']
}

export interface Preview {
  /** `http://127.0.0.1:8000/` */
  url: string
  host: string
  port: number
  /** Stops watching, closes the pages' connections and the server. */
  close(): Promise<void>
}

export const DEFAULT_PORT = 8000
const PORT_ATTEMPTS = 20

/** Starts a live preview of a deck; rejects when the deck cannot be read or no port is free. */
export async function serve(input: string, options: ServeOptions = {}): Promise<Preview> {
  const host = options.host ?? '127.0.0.1'
  let served: ServedDeck | undefined
  let server: PreviewServer | undefined
  let parts: PageParts | undefined
  const live = await LiveDeck.start(input, {...options, fit: options.fit ?? true}, (update) => {
    let page: PageChange | undefined
    if (update.kind === 'deck' || update.kind === 'fitted' || served === undefined) {
      const next = pageParts(update.deck)
      page = pageChange(parts, next)
      parts = next
    }
    // A stylesheet change leaves the deck's messages as they were.
    const problems = update.kind === 'error' ? errorLines(update) : update.kind === 'styles' ? (served?.problems ?? []) : []
    served = {deck: update.deck, version: update.version, problems}
    options.onUpdate?.(update)
    server?.broadcast({
      type: update.kind === 'error' ? 'problems' : update.kind === 'fitted' ? 'deck' : update.kind,
      version: update.version,
      changed: update.changed,
      problems,
      page
    })
  })
  server = new PreviewServer(() => served!, isLoopback(host) ? new Set(['localhost', '127.0.0.1', '[::1]', host]) : undefined)
  let port: number
  try {
    port = await listen(server, host, options.port ?? DEFAULT_PORT)
  } catch (error) {
    await live.close()
    throw error
  }
  const shownHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${shownHost}:${port}/`,
    host,
    port,
    async close() {
      await live.close()
      await server.close()
    }
  }
}

/** Whether `host` is this computer only. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.')
}

/** The errors of an update as the terminal prints them. */
function errorLines(update: DeckUpdate): string[] {
  return update.file.messages.filter((message) => message.fatal).map((message) => formatMessage(message, update.file))
}

/** Listens on `port`, or the next free one; returns the port. */
async function listen(server: PreviewServer, host: string, port: number): Promise<number> {
  for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
    const tried = port === 0 ? 0 : port + attempt
    try {
      await new Promise<void>((done, fail) => {
        server.server.once('error', fail)
        server.server.listen(tried, host, () => {
          server.server.off('error', fail)
          done()
        })
      })
      return (server.server.address() as AddressInfo).port
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EADDRINUSE' && port !== 0) continue
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
        throw new CitedeckError(`cannot listen on ${host}: no such address on this computer`, 'USAGE', 'leave out --host to use 127.0.0.1')
      }
      if (code === 'EACCES') {
        throw new CitedeckError(`not allowed to listen on port ${tried}`, 'USAGE', 'ports below 1024 need administrator rights: pick another with --port')
      }
      throw error
    }
  }
  throw new CitedeckError(`ports ${port}–${port + PORT_ATTEMPTS - 1} are all taken`, 'USAGE', 'pick another with --port, or --port 0 for any free port')
}
