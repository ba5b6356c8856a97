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
}

/** Runs in the page: one record per `section[data-cd-measure]`, in document order. */
export function measureInPage(minFontSize: number): SlideMeasurement[] {
  const rootStyle = getComputedStyle(document.documentElement)
  const minimum = minFontSize || Number.parseFloat(rootStyle.getPropertyValue('--cd-min-size')) || 18
  return Array.from(document.querySelectorAll<HTMLElement>('section[data-cd-measure]')).map((section) => {
    const body = section.querySelector<HTMLElement>(':scope > .cd-body')!
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
      references
    }
  })
}

