/**
 * The script that measures slides inside the page (serialised by puppeteer,
 * so it must not use anything from its module), and what it returns.
 */

/** What the browser saw of one slide; pixel values at the deck's size. */
export interface SlideMeasurement {
  /** Pixels the body or the footnotes run below the slide's frame (0: fits). */
  overflowY: number
  /** Pixels the body runs past the right edge (wide tables, long words). */
  overflowX: number
  /** Where content must end: the body's height without its bottom padding, from the body's top. */
  limit: number
  /** The body's top padding (it does not shrink when the text is scaled). */
  paddingTop: number
  /** The width of the body's content box. */
  width: number
  /** `[top, bottom]` of each unit (see `units.ts`), from the body's top. */
  units: Array<[number, number]>
  /** The slide's height, and its body's bottom padding. */
  frame: number
  paddingBottom: number
  /** Heights of the footnotes, their frame (rule and padding) when there are any, and which notes each unit marks. */
  notes: number[]
  notesFrame: number
  unitNotes: number[][]
  /** The smallest text outside the footnotes, when below the minimum. */
  smallText?: {size: number; text: string}
  /** `src` of images that failed to load. */
  brokenImages: string[]
  /** A reference list: the top of the list and each entry's height (gap included). */
  references?: {top: number; entries: number[]}
  /** Font sizes (px) that fit each `.r-fit-text` element of the body, in document order (see `fitText`). */
  fitText: number[]
}

/** Runs in the page: one record per `section[data-cd-measure]`, in document order. */
export function measureInPage(minFontSize: number): SlideMeasurement[] {
  const rootStyle = getComputedStyle(document.documentElement)
  const minimum = minFontSize || Number.parseFloat(rootStyle.getPropertyValue('--cd-min-size')) || 18
  return Array.from(document.querySelectorAll<HTMLElement>('section[data-cd-measure]')).map((section) => {
    const body = section.querySelector<HTMLElement>(':scope > .cd-body')!
    const fitText = fitTexts(section, body)
    const footer = section.querySelector<HTMLElement>(':scope > .cd-footnotes')
    const frame = section.getBoundingClientRect()
    const box = body.getBoundingClientRect()
    const style = getComputedStyle(body)
    const paddingTop = Number.parseFloat(style.paddingTop)
    const paddingBottom = Number.parseFloat(style.paddingBottom)
    const footerOver = footer ? Math.max(0, footer.getBoundingClientRect().bottom - frame.bottom) : 0
    const overflowY = Math.max(0, body.scrollHeight - body.clientHeight) + footerOver
    const overflowX = Math.max(0, body.scrollWidth - body.clientWidth, box.right - frame.right)
    const unitNodes = Array.from(body.querySelectorAll<HTMLElement>('[data-cd-unit]'))
    const units = unitNodes.map((unit): [number, number] => {
      const rect = unit.getBoundingClientRect()
      return [Math.round(rect.top - box.top), Math.round(rect.bottom - box.top)]
    })

    // Footnotes, so a split can count the notes that go with each part.
    const items = footer ? Array.from(footer.querySelectorAll<HTMLElement>(':scope > ol > li')) : []
    const listBox = footer?.querySelector(':scope > ol')?.getBoundingClientRect()
    const noteTops = items.map((item) => item.getBoundingClientRect().top)
    const notes = noteTops.map((top, index) => Math.ceil((noteTops[index + 1] ?? listBox!.bottom) - top))
    const notesFrame = footer && listBox ? Math.ceil(footer.getBoundingClientRect().height - listBox.height) : 0
    const labels = items.map((item) => item.querySelector('.cd-note-label')?.textContent?.trim() ?? '')
    const unitNotes = unitNodes.map((unit) => [
      ...new Set(
        Array.from(unit.querySelectorAll('sup.cd-mark')).flatMap((mark) =>
          (mark.textContent ?? '').split(',').map((label) => labels.indexOf(label.trim())).filter((index) => index >= 0)
        )
      )
    ])

    let smallText: {size: number; text: string} | undefined
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      if (!parent || !node.textContent?.trim() || parent.closest('sup, sub, .cd-mark, .notes')) continue
      const size = Number.parseFloat(getComputedStyle(parent).fontSize)
      if (size < minimum - 0.01 && (!smallText || size < smallText.size)) {
        smallText = {size: Math.round(size * 10) / 10, text: node.textContent.trim().slice(0, 40)}
      }
    }
    const brokenImages = Array.from(body.querySelectorAll('img'))
      .filter((image) => image.complete && image.naturalWidth === 0)
      .map((image) => image.getAttribute('src') ?? '')

    let references: {top: number; entries: number[]} | undefined
    const list = body.querySelector<HTMLElement>('.cd-references')
    if (list) {
      const entries = Array.from(list.querySelectorAll<HTMLElement>(':scope > .csl-entry'))
      const tops = entries.map((entry) => entry.getBoundingClientRect().top)
      const last = entries.at(-1)
      const end = last ? last.getBoundingClientRect().bottom + Number.parseFloat(getComputedStyle(last).marginBottom) : 0
      references = {
        top: Math.round(list.getBoundingClientRect().top - box.top),
        entries: tops.map((top, index) => Math.ceil((tops[index + 1] ?? end) - top))
      }
    }
    return {
      overflowY: Math.round(overflowY),
      overflowX: Math.round(overflowX),
      limit: Math.floor(body.clientHeight - paddingBottom),
      paddingTop,
      paddingBottom,
      frame: section.clientHeight,
      notes,
      notesFrame,
      unitNotes,
      width: Math.floor(body.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight)),
      units,
      smallText,
      brokenImages,
      references,
      fitText
    }
  })

  /**
   * Sizes `.r-fit-text` as reveal's fitty does (as wide as its container,
   * 24 px to 80 % of the slide's height), then smaller while the body runs
   * past the slide, which fitty does not check, never below 24 px (where it
   * wraps). The overflow is measured after, at these sizes.
   */
  function fitTexts(section: HTMLElement, body: HTMLElement): number[] {
    const texts = Array.from(body.querySelectorAll<HTMLElement>('.r-fit-text'))
    if (texts.length === 0) return []
    const [min, max] = [24, 0.8 * section.clientHeight]
    const sizes = texts.map((text) => {
      const parent = text.parentElement!
      const style = getComputedStyle(parent)
      const room = parent.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight)
      let size = Number.parseFloat(getComputedStyle(text).fontSize)
      // Text widths grow with the size, but not exactly (hinting, kerning): twice.
      for (let round = 0; round < 2 && text.scrollWidth > 0; round++) {
        size = Math.min(max, Math.max(min, (size * room) / text.scrollWidth))
        text.style.fontSize = `${size}px`
      }
      // At the smallest size, a text still too wide wraps, as fitty's multi-line mode does.
      if (size === min) text.style.whiteSpace = 'normal'
      return size
    })
    for (let round = 0; round < 3; round++) {
      const over = body.scrollHeight - body.clientHeight
      const tall = texts.reduce((sum, text) => sum + text.getBoundingClientRect().height, 0)
      if (over <= 0 || tall <= 0) break
      const ratio = Math.max(0, (tall - over) / tall)
      texts.forEach((text, index) => {
        sizes[index] = Math.max(min, sizes[index]! * ratio * 0.98)
        text.style.fontSize = `${sizes[index]}px`
      })
    }
    return sizes.map((size) => Math.floor(size * 10) / 10)
  }
}

