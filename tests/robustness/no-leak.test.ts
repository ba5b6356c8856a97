/**
 * A hostile deck and bibliography, built with fitting and printed to PDF by
 * the CLI's own browser: no injected attribute reaches the HTML, and nothing
 * arrives at a loopback UDP and TCP listener (the raw-HTML script tries fetch,
 * an image, a WebSocket, a beacon and WebRTC STUN/TURN, also from an iframe's
 * fresh window). Then the built page in the shared browser: focusing and
 * hovering every link runs no injected handler, and its Content-Security-Policy
 * holds from `file://`.
 */
import {createSocket, type Socket} from 'node:dgram'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {createServer, type Server} from 'node:net'
import {hostname, tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {connectBrowser, describeBrowser} from '../browser/shared.js'
import {eventHandlers, parseHtml, runCli, tempDir} from './helpers.js'

const STACK = /\n\s+at .+:\d+:\d+|internal error/

/** A TCP and a UDP socket on one loopback port, counting what arrives. */
async function listen(): Promise<{port: number; arrived: string[]; close: () => void}> {
  const arrived: string[] = []
  for (;;) {
    const tcp: Server = createServer((socket) => {
      arrived.push('tcp connection')
      socket.on('data', (data) => arrived.push(`tcp: ${data.toString('latin1').slice(0, 40)}`))
      socket.on('error', () => undefined)
    })
    await new Promise<void>((done) => tcp.listen(0, '127.0.0.1', done))
    const port = (tcp.address() as {port: number}).port
    const udp: Socket = createSocket('udp4')
    const bound = await new Promise<boolean>((done) => {
      udp.once('error', () => done(false))
      udp.bind(port, '127.0.0.1', () => done(true))
    })
    if (!bound) {
      tcp.close()
      udp.close()
      continue
    }
    udp.on('message', (message) => arrived.push(`udp: ${message.length} bytes`))
    return {port, arrived, close: () => (tcp.close(), udp.close())}
  }
}

function hostileDeck(dir: string, port: number): string {
  const to = `127.0.0.1:${port}`
  writeFileSync(
    join(dir, 'refs.json'),
    JSON.stringify([
      {id: 'url', type: 'webpage', title: 'Page', author: [{family: 'Doe', given: 'J'}], issued: {'date-parts': [[2020]]}, URL: `https://x" onmouseover="window.injected='url'" style="position:fixed;inset:0`},
      {id: 'doi', type: 'article-journal', title: 'Paper', author: [{family: 'Roe', given: 'K'}], issued: {'date-parts': [[2021]]}, DOI: `10.1/x" autofocus onfocus="window.injected='doi';fetch('http://${to}/doi')" x="`},
      {id: 'js', type: 'webpage', title: 'Script', author: [{family: 'Poe', given: 'E'}], issued: {'date-parts': [[2022]]}, URL: "javascript:window.injected='js'"}
    ])
  )
  const script = `<script>
(function () {
  var to = '${to}'
  function rtc(P) {
    try {
      var pc = new P({iceServers: [{urls: 'stun:' + to}, {urls: 'turn:' + to + '?transport=udp', username: 'u', credential: 'c'}]})
      pc.createDataChannel('x')
      pc.createOffer().then(function (offer) { return pc.setLocalDescription(offer) })
    } catch (error) {}
  }
  try { fetch('http://' + to + '/fetch').catch(function () {}) } catch (error) {}
  try { new WebSocket('ws://' + to + '/ws') } catch (error) {}
  try { navigator.sendBeacon('http://' + to + '/beacon', 'x') } catch (error) {}
  new Image().src = 'http://' + to + '/img'
  if (window.RTCPeerConnection) rtc(window.RTCPeerConnection)
  var frame = document.createElement('iframe')
  document.documentElement.appendChild(frame)
  try { if (frame.contentWindow.RTCPeerConnection) rtc(frame.contentWindow.RTCPeerConnection) } catch (error) {}
})()
</script>`
  const deck = join(dir, 'deck.md')
  writeFileSync(deck, `---\ntitle: Hostile\nbibliography: refs.json\n---\n\n## A\n\n${script}\n\nClaims [@url; @doi; @js].\n\n## References\n\n::: {#refs}\n:::\n`)
  return deck
}

const dir = tempDir('citedeck-leak-')
let built = ''

it('build (fitting) and pdf of a hostile deck: no injected attribute, nothing reaches a loopback listener', async () => {
  const listener = await listen()
  // A profile left by a Chromium killed with its citedeck (kill -9): the next launch sweeps it.
  const leftOver = join(tmpdir(), 'citedeck-chromium-killed-test')
  mkdirSync(leftOver, {recursive: true})
  rmSync(join(leftOver, 'SingletonLock'), {force: true})
  symlinkSync(`${hostname()}-4194999`, join(leftOver, 'SingletonLock'))
  // What a kill -9 of citedeck leaves: its Chromium quits and removes its lock, but not the profile, named by the citedeck process.
  const killed = join(tmpdir(), `citedeck-chromium-${hostname()}-4194998-AbC123`)
  mkdirSync(killed, {recursive: true})
  writeFileSync(join(killed, 'Local State'), '{}')
  // A live citedeck's profile whose Chromium has not locked it yet stays.
  const starting = mkdtempSync(join(tmpdir(), `citedeck-chromium-${hostname()}-${process.pid}-`))
  try {
    const deck = hostileDeck(dir, listener.port)
    const result = await runCli('build', deck, '-o', join(dir, 'out'), '--pdf')
    expect(result.stderr).not.toMatch(STACK)
    expect(result.code).toBe(0)
    const printed = await runCli('pdf', join(dir, 'deck.md'), '-o', join(dir, 'again.pdf'))
    expect(printed.code).toBe(0)
    // STUN retransmits within a few hundred milliseconds; give stragglers that long.
    await new Promise((done) => setTimeout(done, 500))
    expect(listener.arrived).toEqual([])
    expect(existsSync(leftOver)).toBe(false)
    expect(existsSync(killed)).toBe(false)
    expect(existsSync(starting)).toBe(true)
  } finally {
    listener.close()
    rmSync(starting, {recursive: true, force: true})
  }
  built = join(dir, 'out', 'index.html')
  const html = readFileSync(built, 'utf8')
  expect(eventHandlers(parseHtml(html).tree)).toEqual([])
  expect(html).not.toMatch(/href="javascript:/i)
  // The links still work, their unsafe characters percent-encoded.
  expect(html).toContain('href="https://doi.org/10.1/x%22%20autofocus%20onfocus=')
}, 90_000)

describeBrowser('the built hostile deck in a browser', () => {
  let browser: Awaited<ReturnType<typeof connectBrowser>>
  beforeAll(async () => {
    browser = await connectBrowser()
  })
  afterAll(() => browser?.disconnect())

  it('the built page carries its policy: connections only to itself; with --safe, nothing from outside the deck, also from file://', async () => {
    expect(readFileSync(built, 'utf8')).toMatch(/<meta http-equiv="Content-Security-Policy" content="script-src &#x27;self&#x27; file: &#x27;unsafe-inline&#x27; &#x27;unsafe-eval&#x27;; connect-src &#x27;self&#x27;;/)
    writeFileSync(join(dir, 'remote.md'), '## A\n\n![r](https://example.org/tracker.png)\n\n$x^2$ and `code`\n')
    expect((await runCli('build', join(dir, 'remote.md'), '-o', join(dir, 'safe'), '--safe', '--no-fit', '--quiet')).code).toBe(0)
    const page = await browser.newPage()
    const refused: string[] = []
    page.on('console', (message) => {
      if (/violates the following Content Security Policy/.test(message.text())) refused.push(message.text())
    })
    try {
      await page.setJavaScriptEnabled(true)
      await page.goto(pathToFileURL(join(dir, 'safe', 'index.html')).href, {waitUntil: 'load'})
      const state = await page.evaluate(() => ({
        ready: (window as unknown as {Reveal?: {isReady(): boolean}}).Reveal?.isReady() ?? false,
        themed: getComputedStyle(document.body).fontFamily
      }))
      expect(state.ready).toBe(true)
      expect(state.themed).not.toBe('')
      expect(refused).toHaveLength(1)
      expect(refused[0]).toContain('https://example.org/tracker.png')
    } finally {
      await page.close()
    }
  })

  it('focusing, hovering and clicking every link runs no injected handler', async () => {
    expect(built).not.toBe('')
    const page = await browser.newPage()
    try {
      await page.setJavaScriptEnabled(true)
      await page.goto(pathToFileURL(built).href, {waitUntil: 'load'})
      const injected = await page.evaluate(async () => {
        for (const link of Array.from(document.querySelectorAll('a'))) {
          link.focus()
          for (const type of ['mouseover', 'mouseenter', 'mousemove']) link.dispatchEvent(new MouseEvent(type, {bubbles: true}))
          link.addEventListener('click', (event) => event.preventDefault())
          link.click()
        }
        await new Promise((done) => setTimeout(done, 50))
        return (window as unknown as {injected?: string}).injected ?? ''
      })
      expect(injected).toBe('')
    } finally {
      await page.close()
    }
  })
})
