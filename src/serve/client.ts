/**
 * The live-reload client: a script the preview server adds to the deck. It
 * listens to the server's events (SSE) and
 * - on a rebuild, fetches the new page and swaps only the slides that changed,
 *   then puts Reveal back where it was (slide, sub-slide, fragment): no page
 *   load, so the speaker view stays connected; a change outside the slides
 *   (title, size, theme setting) reloads the page and restores the state;
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
  const slidesSelector = '.reveal > .slides > section'
  // The page as served, to compare the next one with (the live DOM is changed by Reveal).
  let shown: Promise<Document> = fetchPage()
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
  const on = (type: string, handle: (data: {version: number; changed: string[]; messages: string[]}) => Promise<void> | void) =>
    events.addEventListener(type, (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data)
      queue = queue.then(() => handle(data)).catch((error: unknown) => console.error('citedeck live reload:', error))
    })
  // On (re)connecting, the server says where it is: catch up with what was missed.
  on('hello', async (data) => {
    if (data.version !== version) await update(data)
    showProblems(data.messages)
  })
  on('deck', update)
  on('styles', swapStyles)
  on('problems', (data) => showProblems(data.messages))

  async function fetchPage(): Promise<Document> {
    const response = await fetch(location.pathname, {cache: 'no-store'})
    return new DOMParser().parseFromString(await response.text(), 'text/html')
  }

  /** Everything but the slides: when it changes, the page must load again. */
  function shell(page: Document): string {
    const others = Array.from(page.body.children).filter((node) => !node.matches('.reveal, script[data-citedeck-client]'))
    return page.documentElement.lang + page.head.innerHTML + others.map((node) => node.outerHTML).join('')
  }

  async function update(data: {version: number; changed: string[]}) {
    const [previous, next] = await Promise.all([shown, fetchPage()])
    version = data.version
    if (shell(previous) !== shell(next)) {
      sessionStorage.setItem(stateKey, JSON.stringify(reveal().getState()))
      location.reload()
      return
    }
    const state = reveal().getState()
    const before = Array.from(previous.querySelectorAll(slidesSelector))
    const after = Array.from(next.querySelectorAll(slidesSelector))
    const live = Array.from(document.querySelectorAll(slidesSelector))
    // Usually one slide changed: patch it in place, which keeps Reveal's hold on
    // it and costs a fraction of re-reading all slides (`sync`).
    const patched = live.length === before.length && patchSlides(live, before, after)
    if (!patched) {
      const container = document.querySelector('.reveal > .slides')!
      container.replaceChildren(...after.map((node) => document.importNode(node, true)))
      reveal().sync()
      reveal().setState(state)
    } else if (patched.includes(reveal().getCurrentSlide()!)) {
      reveal().layout()
      if (state.indexf !== undefined) reveal().navigateFragment(state.indexf)
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
    shown = Promise.resolve(next)
    showProblems([])
    announce('slides')
  }

  /**
   * Patches the changed slides in place when the slide structure stayed the
   * same; returns them, or `false` when slides were added, removed or moved
   * between stacks.
   */
  function patchSlides(live: Element[], before: Element[], after: Element[]): Element[] | false {
    if (before.length !== after.length) return false
    const patched: Element[] = []
    for (let index = 0; index < after.length; index++) {
      const [old, next, node] = [before[index]!, after[index]!, live[index]!]
      if (old.outerHTML === next.outerHTML) continue
      const [oldChildren, nextChildren, liveChildren] = [old, next, node].map((section) => section.querySelectorAll(':scope > section'))
      if (oldChildren!.length > 0 || nextChildren!.length > 0) {
        // A vertical stack: compare its sub-slides.
        if (liveChildren!.length !== oldChildren!.length) return false
        const inner = patchSlides(Array.from(liveChildren!), Array.from(oldChildren!), Array.from(nextChildren!))
        if (!inner) return false
        patched.push(...inner)
        continue
      }
      patchSlide(node, old, next)
      patched.push(node)
    }
    return patched
  }

  /** Gives `node` the content and attributes of `next`, keeping what Reveal set on it. */
  function patchSlide(node: Element, old: Element, next: Element) {
    const names = new Set([...old.getAttributeNames(), ...next.getAttributeNames()])
    for (const name of names) {
      if (name === 'class') continue
      const value = next.getAttribute(name)
      if (value === null) node.removeAttribute(name)
      else node.setAttribute(name, value)
    }
    // Reveal's own classes (present, past, future…) stay; the deck's are replaced.
    node.classList.remove(...Array.from(old.classList))
    node.classList.add(...Array.from(next.classList))
    node.replaceChildren(...Array.from(next.childNodes, (child) => document.importNode(child, true)))
    reveal().syncSlide(node)
    // Slides already passed show all their fragments, as Reveal leaves them.
    if (node.classList.contains('past')) {
      for (const fragment of Array.from(node.querySelectorAll('.fragment'))) fragment.classList.add('visible')
    }
  }

  async function swapStyles(data: {version: number; changed: string[]}) {
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
