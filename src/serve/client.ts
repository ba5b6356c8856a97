/**
 * The live-reload client: a script the preview server adds to the deck. It
 * listens to the server's events (SSE) and
 * - on a rebuild, patches the slides that changed in place, from their HTML
 *   in the event (`page-diff.ts`), and keeps Reveal where it was (slide,
 *   sub-slide, fragment): no page load, so the speaker view stays connected;
 *   when slides were added or removed it fetches the page and replaces all
 *   slides; a change outside the slides (title, size, theme setting) reloads
 *   the page and restores the state;
 * - on a stylesheet change, swaps that stylesheet alone;
 * - on a build error, shows the messages over the last good deck.
 * Each finished update fires `citedeck:reloaded` on `document`.
 *
 * The function below runs in the browser, not in Node: it is sent as its
 * source text, so it uses nothing from this module.
 */

/** Where the client script and the event stream are served. */
export const CLIENT_PATH = '/__citedeck/client.js'
export const EVENTS_PATH = '/__citedeck/events'

/** The `<script>` tag for a page at `version`. */
export function clientTag(version: number): string {
  return `<script src="${CLIENT_PATH}" data-citedeck-client="${version}"></script>`
}

/** The client's source text. */
export function clientScript(): string {
  return `(${liveReloadClient.toString()})(${JSON.stringify(EVENTS_PATH)});\n`
}

/** The `data` of an event, as `server.ts` sends it. */
interface EventData {
  version: number
  changed: string[]
  messages: string[]
  page?: {mode: 'reload' | 'replace' | 'patch'; count?: number; patches?: Array<[number, string, string]>}
}

interface RevealState {
  indexh: number
  indexv: number
  indexf?: number
}

interface RevealApi {
  getState(): RevealState
  setState(state: RevealState): void
  sync(): void
  syncSlide(slide: Element): void
  layout(): void
  navigateFragment(index: number): void
  isReady(): boolean
  on(type: string, listener: () => void): void
  getRevealElement(): HTMLElement
  getCurrentSlide(): HTMLElement | undefined
}

function liveReloadClient(eventsPath: string) {
  const reveal = () => (window as unknown as {Reveal: RevealApi}).Reveal
  const script = document.querySelector<HTMLScriptElement>('script[data-citedeck-client]')
  let version = Number(script?.dataset.citedeckClient ?? 0)
  const stateKey = `citedeck:state:${location.pathname}${location.search}`
  // Every slide, sub-slides included, as the server counts them (not the stacks).
  const slidesSelector = '.reveal > .slides section:not(.cd-stack)'
  let queue: Promise<unknown> = Promise.resolve()

  const announce = (mode: string) =>
    document.dispatchEvent(new CustomEvent('citedeck:reloaded', {detail: {version, mode}}))
  const whenReady = (callback: () => void) => (reveal().isReady() ? callback() : reveal().on('ready', callback))

  const saved = sessionStorage.getItem(stateKey)
  if (saved) {
    sessionStorage.removeItem(stateKey)
    whenReady(() => {
      reveal().setState(JSON.parse(saved) as RevealState)
      announce('reload')
    })
  }

  const events = new EventSource(eventsPath)
  const on = (type: string, handle: (data: EventData) => Promise<void> | void) =>
    events.addEventListener(type, (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as EventData
      queue = queue.then(() => handle(data)).catch((error: unknown) => console.error('citedeck live reload:', error))
    })
  // On (re)connecting, the server says where it is: a page that missed updates loads again.
  on('hello', (data) => {
    if (data.version !== version) reload()
    else showProblems(data.messages)
  })
  on('deck', update)
  on('styles', swapStyles)
  on('problems', (data) => showProblems(data.messages))

  function reload() {
    sessionStorage.setItem(stateKey, JSON.stringify(reveal().getState()))
    location.reload()
  }

  async function update(data: EventData) {
    version = data.version
    const page = data.page ?? {mode: 'reload'}
    if (page.mode === 'reload') return reload()
    const state = reveal().getState()
    const live = Array.from(document.querySelectorAll(slidesSelector))
    if (page.mode === 'patch' && live.length === page.count) {
      const patched = page.patches!.map(([index, before, after]) => patchSlide(live[index]!, element(before), element(after)))
      if (patched.includes(reveal().getCurrentSlide()!)) {
        reveal().layout()
        if (state.indexf !== undefined) reveal().navigateFragment(state.indexf)
      }
    } else {
      const response = await fetch(location.pathname, {cache: 'no-store'})
      const next = new DOMParser().parseFromString(await response.text(), 'text/html')
      const slides = Array.from(next.querySelectorAll('.reveal > .slides > section'), (node) => document.importNode(node, true))
      document.querySelector('.reveal > .slides')!.replaceChildren(...slides)
      reveal().sync()
      reveal().setState(state)
    }
    // Changed images keep their URL: ask for the new file.
    for (const href of data.changed) {
      for (const image of Array.from(document.querySelectorAll<HTMLImageElement>(`img[src="${CSS.escape(href)}"]`))) {
        image.src = `${href}?v=${version}`
      }
    }
    // The speaker view updates its notes on navigation events; the notes may have changed.
    const current = reveal().getCurrentSlide()
    const event = Object.assign(new Event('slidechanged', {bubbles: true}), {
      indexh: state.indexh,
      indexv: state.indexv,
      previousSlide: current,
      currentSlide: current,
      origin: 'citedeck'
    })
    reveal().getRevealElement().dispatchEvent(event)
    showProblems([])
    announce(page.mode === 'patch' ? 'slides' : 'replace')
  }

  function element(html: string): Element {
    const template = document.createElement('template')
    template.innerHTML = html
    return template.content.firstElementChild!
  }

  /**
   * Gives `node` the content and attributes of `after`, keeping what Reveal
   * set on it (its classes, style, hidden): Reveal keeps its hold on the
   * slide, which costs a fraction of re-reading all slides (`sync`).
   */
  function patchSlide(node: Element, before: Element, after: Element): Element {
    const names = new Set([...before.getAttributeNames(), ...after.getAttributeNames()])
    for (const name of names) {
      if (name === 'class') continue
      const value = after.getAttribute(name)
      if (value === null) node.removeAttribute(name)
      else node.setAttribute(name, value)
    }
    node.classList.remove(...Array.from(before.classList))
    node.classList.add(...Array.from(after.classList))
    node.replaceChildren(...Array.from(after.childNodes))
    reveal().syncSlide(node)
    // Slides already passed show all their fragments, as Reveal leaves them.
    if (node.classList.contains('past')) {
      for (const fragment of Array.from(node.querySelectorAll('.fragment'))) fragment.classList.add('visible')
    }
    return node
  }

  async function swapStyles(data: EventData) {
    version = data.version
    const links = Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]'))
    await Promise.all(
      links
        .filter((link) => data.changed.includes(link.getAttribute('href')!.split('?')[0]!))
        .map(
          (link) =>
            new Promise<void>((done) => {
              const fresh = link.cloneNode() as HTMLLinkElement
              fresh.href = `${link.getAttribute('href')!.split('?')[0]}?v=${version}`
              // Drop the old sheet only once the new one applies, so nothing flashes unstyled.
              fresh.onload = fresh.onerror = () => {
                link.remove()
                done()
              }
              link.after(fresh)
            })
        )
    )
    reveal().sync()
    announce('styles')
  }

  function showProblems(messages: string[]) {
    let overlay = document.getElementById('citedeck-problems')
    if (messages.length === 0) {
      overlay?.remove()
      return
    }
    if (!overlay) {
      overlay = document.createElement('div')
      overlay.id = 'citedeck-problems'
      overlay.setAttribute('role', 'alert')
      overlay.style.cssText = [
        'position:fixed',
        'inset:auto 0 0 0',
        'max-height:60vh',
        'overflow:auto',
        'z-index:2147483647',
        'margin:0',
        'padding:1em 1.5em',
        'background:rgba(24,24,24,0.92)',
        'color:#fff',
        'border-top:4px solid #e5484d',
        'font:15px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace',
        'white-space:pre-wrap'
      ].join(';')
      document.body.append(overlay)
    }
    overlay.textContent = `The deck has errors; showing the last good version.\n\n${messages.join('\n')}`
  }
}
