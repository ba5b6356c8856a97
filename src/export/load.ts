/**
 * Opens a compiled deck in its print layout, served from memory.
 *
 * The deck is answered by request interception under a fake origin that can
 * never resolve (`.invalid`), rather than written to a temporary folder and
 * opened from `file://`: nothing is copied to disk, and the allow-list is
 * exact (the deck's `index.html` and its own assets), where a `file://` page
 * could still read any file on the machine. Every other request is blocked
 * and reported. The page also gets a Content-Security-Policy and no WebRTC,
 * for what interception does not see (browser.ts turns the network off too).
 *
 * Pages open in the browser's default context: a fresh context costs a new
 * renderer process (about a second on two cores) for isolation that the
 * per-deck origin and per-page interception already give.
 */
import {readFile} from 'node:fs/promises'
import type {HTTPRequest, Page} from 'puppeteer-core'
import type {CompiledDeck} from '../deck.js'
import {contentType} from '../io/content-type.js'

// Each deck gets its own origin, so no cached file of one deck serves another.
let decksOpened = 0


export interface OpenedDeck {
  /** URLs the deck asked for that are not its own files, in request order. */
  blocked: string[]
  /** Uncaught errors thrown by the deck's scripts. */
  errors: string[]
}

export interface OpenOptions {
  /** Query string of the deck URL, e.g. `print-pdf&margin=0`. */
  query: string
  /** Milliseconds for the page to load. */
  timeout: number
}

/** The deck URL's query for reveal's print layout: one page per slide, each exactly the slide (the fit step reports overflow). */
export const PRINT_QUERY = 'print-pdf&margin=0&pdfMaxPagesPerSlide=1'

/** A deck's document in three parts: up to and with `<div class="slides">`, the slides, and the rest (its scripts). */
export function deckDocument(html: string): {head: string; slides: string; tail: string} {
  const open = '<div class="slides">'
  const start = html.indexOf(open) + open.length
  const end = html.indexOf('</div></div><script', start)
  return {head: html.slice(0, start), slides: html.slice(start, end), tail: html.slice(end)}
}

/**
 * Shows `deck` in a page that holds its document already, loaded through
 * `openDeck` with the deck's stylesheets, fonts and `PRINT_QUERY` but other
 * slides and none of its scripts (the fit step's measuring page): swaps in
 * the deck's slides and runs its scripts in order, so reveal lays out the
 * print view as after a load of the deck, without loading it again.
 */
export async function showInPlace(page: Page, deck: CompiledDeck): Promise<void> {
  const {slides, tail} = deckDocument(deck.html)
  await page.evaluate(async (slides: string, tail: string) => {
    // The measuring page's own classes (see measureHtml); reveal sets them again for its print view.
    document.documentElement.classList.remove('reveal-print', 'print-pdf')
    document.querySelector('.reveal .slides')!.innerHTML = slides
    // Parsed scripts are inert: each is made again to run, in order, as the parser would run them.
    for (const parsed of Array.from(new DOMParser().parseFromString(tail, 'text/html').scripts)) {
      const script = document.createElement('script')
      for (const attribute of Array.from(parsed.attributes)) script.setAttribute(attribute.name, attribute.value)
      script.textContent = parsed.textContent
      const ran = parsed.src
        ? new Promise((done) => {
            script.addEventListener('load', done)
            script.addEventListener('error', done)
          })
        : undefined
      document.body.append(script)
      await ran
    }
  }, slides, tail)
}

/** Loads `deck` into `page`, answering its own files from memory and blocking everything else. */
export async function openDeck(page: Page, deck: CompiledDeck, options: OpenOptions): Promise<OpenedDeck> {
  const origin = `https://deck-${++decksOpened}-${process.pid}.citedeck.invalid/`
  const blocked: string[] = []
  const errors: string[] = []
  const files: Files = new Map([['index.html', withPolicy(deck.html)]])
  for (const asset of deck.assets) files.set(asset.href, () => readFile(asset.source))
  await page.evaluateOnNewDocument(withoutWebRtc)
  await page.setRequestInterception(true)
  page.on('request', (request) => void answer(request, origin, files, blocked))
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)))
  await page.setViewport({width: deck.config.width, height: deck.config.height})
  await page.goto(`${origin}index.html?${options.query}`, {waitUntil: 'load', timeout: options.timeout})
  return {blocked, errors}
}

/**
 * Runs before the deck's scripts in every document of the page: WebRTC is the
 * one way out that request interception does not see (STUN over UDP). The
 * browser's flags already confine it (browser.ts); this removes it too.
 */
export function withoutWebRtc() {
  for (const name of ['RTCPeerConnection', 'webkitRTCPeerConnection', 'RTCDataChannel', 'RTCIceTransport', 'RTCRtpSender', 'RTCRtpReceiver']) {
    try {
      Object.defineProperty(window, name, {value: undefined, configurable: false, writable: false})
    } catch {
      // Not defined in this browser.
    }
  }
}

// Connections (fetch, XHR, WebSocket, EventSource, beacons) only to the deck's own origin, which
// interception answers; images and styles stay allowed so interception can report what a deck
// links outside itself. No plugins, no forms posting anywhere, no <base> moving relative links.
export const CONTENT_POLICY = "connect-src 'self'; object-src 'none'; form-action 'none'; base-uri 'self'"
const POLICY = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_POLICY}">`

/** The deck's HTML with the policy as the first thing in its head, so it applies to everything after it. */
function withPolicy(html: string): string {
  const head = /<head\b[^>]*>/i.exec(html)
  return head ? html.slice(0, head.index + head[0].length) + POLICY + html.slice(head.index + head[0].length) : POLICY + html
}

type Files = Map<string, string | (() => Promise<Buffer>)>

async function answer(request: HTTPRequest, origin: string, files: Files, blocked: string[]) {
  const url = request.url()
  const path = url.startsWith(origin) ? decodeURIComponent(new URL(url).pathname.slice(1)) : undefined
  const file = path === undefined ? undefined : files.get(path)
  if (file === undefined) {
    // The browser asks for a favicon by itself; the deck did not.
    if (path !== 'favicon.ico' && !url.startsWith('data:')) blocked.push(url)
    await request.abort('blockedbyclient').catch(() => undefined)
    return
  }
  try {
    const body = typeof file === 'string' ? file : await file()
    await request.respond({status: 200, contentType: contentType(path!), headers: {'cache-control': 'no-store'}, body})
  } catch {
    await request.abort('failed').catch(() => undefined)
  }
}

/** Waits for the fonts and every image (loaded or failed): Chrome lays out and prints before they settle. */
export async function fontsAndImages(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // Layout first: a font is only requested once some laid-out text needs it, and `ready` waits for those.
    void document.body.getBoundingClientRect()
    await document.fonts.ready
    await Promise.all(
      Array.from(document.images).map((image) =>
        image.complete
          ? image.decode().catch(() => undefined)
          : new Promise((done) => {
              image.addEventListener('load', done, {once: true})
              image.addEventListener('error', done, {once: true})
            })
      )
    )
  })
}
