/**
 * The preview's HTTP server. It serves the deck's page, the files listed as
 * its assets (by their output path, from their source path) and the
 * live-reload channel, and nothing else: there is no folder to browse, so a
 * path that climbs out (`/../x`, `%2e%2e`, `%2f`, `\`), a dotfile, or an image
 * that resolves (through a symlink too) outside the deck's project folder
 * (io/project-folder.ts) is refused.
 */
import {createReadStream} from 'node:fs'
import {realpath, stat} from 'node:fs/promises'
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http'
import type {CompiledDeck} from '../deck.js'
import {CONTENT_POLICY, withoutWebRtc} from '../export/load.js'
import {contentType} from '../io/content-type.js'
import {isInside, projectFolder} from '../io/project-folder.js'
import {CLIENT_PATH, clientScript, clientTag, EVENTS_PATH} from './client.js'
import type {PageChange} from './page-diff.js'

// `webrtc 'block'` is in the CSP spec but Chromium ignores it; where a browser knows it, the preview cannot open a peer connection.
const PREVIEW_POLICY = `${CONTENT_POLICY}; webrtc 'block'`
// So the preview also removes WebRTC before the deck's own scripts run, as the printing browser does. A script can still
// find it in a new iframe's window; `--safe` leaves the deck no scripts at all.
const WEBRTC_GUARD = `<script>(${withoutWebRtc.toString()})()</script>`

/** What the server shows: the newest deck, its version and its error messages. */
export interface ServedDeck {
  deck: CompiledDeck
  version: number
  /** `file:line:col: error: …` lines; empty when the last build was good. */
  problems: string[]
}

/** One live-reload event. */
export interface PreviewEvent {
  type: 'deck' | 'styles' | 'problems'
  version: number
  /** Output paths of changed assets. */
  changed: string[]
  problems: string[]
  /** For `deck` events: how open pages get from the previous deck to this one. */
  page?: PageChange
}

export class PreviewServer {
  readonly server: Server
  private readonly listeners = new Set<ServerResponse>()
  private readonly heartbeat: NodeJS.Timeout

  /**
   * `hosts`: the host names a request may be addressed to. A page on another
   * site could otherwise reach a loopback server through a host name that it
   * points at 127.0.0.1 (DNS rebinding); leave it out when serving to the network.
   */
  constructor(
    private readonly current: () => ServedDeck,
    private readonly hosts?: Set<string>
  ) {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch(() => send(response, 500, 'internal error'))
    })
    // Proxies close quiet connections; a comment line every 20 s keeps the stream open.
    this.heartbeat = setInterval(() => {
      for (const listener of this.listeners) listener.write(': ping\n\n')
    }, 20_000)
    this.heartbeat.unref()
  }

  /** Sends an event to every open page. */
  broadcast(event: PreviewEvent) {
    const text = sse(event.type, {version: event.version, changed: event.changed, messages: event.problems, page: event.page})
    for (const listener of this.listeners) listener.write(text)
  }

  /** Ends the event streams and every connection, then stops listening. */
  async close(): Promise<void> {
    clearInterval(this.heartbeat)
    for (const listener of this.listeners) listener.end()
    this.listeners.clear()
    await new Promise<void>((done) => {
      this.server.close(() => done())
      this.server.closeAllConnections()
    })
  }

  private async handle(request: IncomingMessage, response: ServerResponse) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD')
      return send(response, 405, 'method not allowed')
    }
    const hostname = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase()
    if (this.hosts && !this.hosts.has(hostname)) return send(response, 403, 'forbidden: unknown host name')
    const path = requestPath(request.url ?? '/')
    if (path === undefined) return send(response, 400, 'bad request')
    if (path === false) return send(response, 403, 'forbidden')
    const {deck, version, problems} = this.current()
    // The preview's page talks only to this server (live reload), as the printing browser's page does.
    response.setHeader('Content-Security-Policy', PREVIEW_POLICY)

    if (path === '/' || path === '/index.html') {
      const head = /<head\b[^>]*>/i.exec(deck.html)
      const html = head ? deck.html.slice(0, head.index + head[0].length) + WEBRTC_GUARD + deck.html.slice(head.index + head[0].length) : deck.html
      const at = html.lastIndexOf('</body>')
      const page = at < 0 ? html + clientTag(version) : html.slice(0, at) + clientTag(version) + html.slice(at)
      return send(response, 200, page, contentType('index.html'), request.method === 'HEAD')
    }
    if (path === CLIENT_PATH) return send(response, 200, clientScript(), contentType('client.js'), request.method === 'HEAD')
    if (path === EVENTS_PATH) {
      response.writeHead(200, {'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive'})
      response.write(sse('hello', {version, changed: [], messages: problems}))
      this.listeners.add(response)
      request.on('close', () => this.listeners.delete(response))
      return
    }

    const asset = deck.assets.find((candidate) => '/' + candidate.href === path)
    if (!asset) return send(response, 404, 'not found')
    // Images are the user's files: they must really be inside the deck's project folder, whatever the build was allowed.
    if (asset.href.startsWith('media/') && !(await inside(asset.source, projectFolder(deck.file.path)))) {
      return send(response, 403, "forbidden: outside the deck's project folder")
    }
    await sendFile(request, response, asset.source)
  }
}

/**
 * The decoded path of a request URL: `undefined` when malformed, `false` when
 * it tries to climb out or names a dotfile. The raw URL is checked too, since
 * URL parsing silently resolves `..`.
 */
export function requestPath(url: string): string | false | undefined {
  const raw = url.split(/[?#]/)[0]!
  let decoded: string
  try {
    decoded = decodeURIComponent(raw)
  } catch {
    return undefined
  }
  if (!decoded.startsWith('/') || decoded.includes('\0')) return undefined
  if (decoded.includes('\\') || /%2f|%5c/i.test(raw)) return false
  const segments = decoded.split('/').slice(1)
  if (segments.some((segment) => segment.startsWith('.'))) return false
  return decoded
}

async function inside(path: string, folder: string): Promise<boolean> {
  try {
    return isInside(await realpath(path), folder)
  } catch {
    return false
  }
}

async function sendFile(request: IncomingMessage, response: ServerResponse, path: string) {
  let info
  try {
    info = await stat(path)
  } catch {
    return send(response, 404, 'not found')
  }
  // Revalidate every time (files change while previewing), but let unchanged files answer 304.
  const tag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`
  response.setHeader('ETag', tag)
  response.setHeader('Cache-Control', 'no-cache')
  response.setHeader('X-Content-Type-Options', 'nosniff')
  if (request.headers['if-none-match'] === tag) {
    response.writeHead(304).end()
    return
  }
  response.writeHead(200, {'Content-Type': contentType(path), 'Content-Length': info.size})
  if (request.method === 'HEAD') return void response.end()
  createReadStream(path)
    .on('error', () => response.destroy())
    .pipe(response)
}

function send(response: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8', headOnly = false) {
  if (response.headersSent) return void response.destroy()
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff'
  })
  response.end(headOnly ? undefined : body)
}

function sse(type: string, data: unknown): string {
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`
}
