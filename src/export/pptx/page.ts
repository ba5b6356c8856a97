/**
 * The script that measures the tagged elements of every slide inside the
 * page (serialised by puppeteer, so it uses nothing from its module), and
 * what it returns: boxes in CSS pixels from the slide's top-left corner, and
 * the computed styles that PowerPoint needs.
 */

/** `[x, y, width, height]` in CSS pixels from the slide's top-left corner. */
export type Box = [number, number, number, number]

/** A border side: width in CSS pixels and colour (`rgb(…)`). */
export type Border = [number, string]

export interface MeasuredElement {
  /** The border box. */
  box: Box
  /** The content box, inside borders and padding. */
  content: Box
  color: string
  background: string
  /** The computed `background-image` ('none' for none). */
  backgroundImage: string
  /** The CSS `font-family` list. */
  font: string
  size: number
  weight: number
  italic: boolean
  underline: boolean
  strike: boolean
  /** `super` or `sub` for a raised or lowered run, else ''. */
  baseline: string
  lineHeight: number
  /** `letter-spacing` in CSS pixels (0 for normal). */
  letterSpacing: number
  align: string
  /** `ltr` or `rtl`. */
  direction: string
  /** `text-indent` in CSS pixels (negative for a hanging indent). */
  indent: number
  transform: string
  /** Top, right, bottom, left. */
  borders: [Border, Border, Border, Border]
  radius: number
  /** Top, right, bottom, left padding. */
  padding: [number, number, number, number]
  /** The left margin, where a list's markers hang. */
  marginLeft: number
  /** `list-style-type` (`disc`, `circle`, `decimal`…). */
  listStyle: string
  /** The colour of a list item's `::marker`. */
  markerColor: string
  /** An inline element's boxes, one a line, when it has a background (inline code): drawn behind the text. */
  fragments?: Box[]
}

export interface MeasuredPage {
  /** Per slide, per tag. */
  slides: MeasuredElement[][]
  /** The theme's slide background (`--cd-background`), as `rgb(…)`. */
  background: string
  /** Each `font-family` list in use, with a selector of an element that shows text in it. */
  fonts: Record<string, string>
  /** Families of the deck's own fonts (`@font-face`) that loaded. */
  webFonts: string[]
  /** The slide number's colour, size and font, from the deck's stylesheet. */
  slideNumber: {color: string; size: number; font: string}
}

/** Runs in the page: one record per `[data-cd-px]` of each `section[data-cd-pptx]`. */
export function measureForPptx(): MeasuredPage {
  const round = (value: number) => Math.round(value * 100) / 100
  const fonts: Record<string, string> = {}
  const measure = (element: HTMLElement, origin: DOMRect, selector: string) => {
    const drawnBox = (area: DOMRect): Box => [round(area.left - origin.left), round(area.top - origin.top), round(area.width), round(area.height)]
    const rect = element.getBoundingClientRect()
    const style = getComputedStyle(element)
    const px = (value: string) => Number.parseFloat(value) || 0
    const padding: [number, number, number, number] = [px(style.paddingTop), px(style.paddingRight), px(style.paddingBottom), px(style.paddingLeft)]
    const sides = ['Top', 'Right', 'Bottom', 'Left'] as const
    const borders = sides.map((side): [number, string] => {
      const width = style.getPropertyValue(`border-${side.toLowerCase()}-style`) === 'none' ? 0 : px(style.getPropertyValue(`border-${side.toLowerCase()}-width`))
      return [width, style.getPropertyValue(`border-${side.toLowerCase()}-color`)]
    }) as MeasuredElement['borders']
    const x = rect.left - origin.left
    const y = rect.top - origin.top
    const size = px(style.fontSize)
    const ownText = Array.from(element.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim())
    if (ownText && !(style.fontFamily in fonts)) fonts[style.fontFamily] = selector
    const shaded = style.display === 'inline' && !/^rgba\(.*,\s*0\)$|^transparent$/.test(style.backgroundColor)
    const fragments = shaded
      ? Array.from(element.getClientRects()).map((part): Box => [round(part.left - origin.left), round(part.top - origin.top), round(part.width), round(part.height)])
      : undefined
    const line = style.lineHeight === 'normal' ? size * 1.2 : px(style.lineHeight)
    // A list item's own text ends where its nested list starts: the paragraph PowerPoint makes of it.
    const nested = element.tagName === 'LI' ? element.querySelector(':scope > ul, :scope > ol') : null
    let height = rect.height
    if (nested && element.firstChild) {
      const range = document.createRange()
      range.setStartBefore(element.firstChild)
      range.setEndBefore(nested)
      height = Math.max(0, range.getBoundingClientRect().bottom - rect.top)
    }
    const decoration = style.textDecorationLine
    // A snapshot (`data-cd-shot`) is the area drawn: typeset math's own (KaTeX's box of a block formula is as wide as the slide), or the element's.
    let drawn: DOMRect | undefined
    if (element.hasAttribute('data-cd-shot') && element.tagName.toLowerCase() !== 'svg') {
      const range = document.createRange()
      range.selectNodeContents(element.querySelector('.katex-html') ?? element)
      drawn = range.getBoundingClientRect()
    }
    return {
      box: [round(x), round(y), round(rect.width), round(height)],
      content: [
        round(x + borders[3][0] + padding[3]),
        round(y + borders[0][0] + padding[0]),
        round(Math.max(0, rect.width - borders[1][0] - borders[3][0] - padding[1] - padding[3])),
        round(Math.max(0, height - borders[0][0] - borders[2][0] - padding[0] - padding[2]))
      ],
      color: style.color,
      background: style.backgroundColor,
      backgroundImage: style.backgroundImage,
      font: style.fontFamily,
      size,
      weight: Number(style.fontWeight) || 400,
      italic: style.fontStyle === 'italic' || style.fontStyle.startsWith('oblique'),
      underline: decoration.includes('underline'),
      strike: decoration.includes('line-through'),
      baseline: style.verticalAlign === 'super' || style.verticalAlign === 'sub' ? style.verticalAlign : '',
      lineHeight: round(line),
      letterSpacing: px(style.letterSpacing),
      align: style.textAlign,
      direction: style.direction,
      indent: px(style.textIndent),
      transform: style.textTransform,
      borders,
      radius: px(style.borderTopLeftRadius),
      padding,
      marginLeft: px(style.marginLeft),
      listStyle: style.listStyleType,
      markerColor: element.tagName === 'LI' ? getComputedStyle(element, '::marker').color : '',
      ...(fragments ? {fragments} : {}),
      ...(drawn ? {box: drawnBox(drawn), content: drawnBox(drawn)} : {})
    } satisfies MeasuredElement
  }
  const slides = Array.from(document.querySelectorAll<HTMLElement>('section[data-cd-pptx]')).map((section) => {
    const origin = section.getBoundingClientRect()
    const slide = section.getAttribute('data-cd-pptx')
    const records: MeasuredElement[] = []
    const tagged = [section, ...Array.from(section.querySelectorAll<HTMLElement>('[data-cd-px]'))]
    for (const element of tagged) {
      const tag = Number(element.getAttribute('data-cd-px'))
      records[tag] = measure(element, origin, `section[data-cd-pptx="${slide}"] [data-cd-px="${tag}"]`)
    }
    return records
  })
  // Reveal draws the slide number only while it runs; a probe with its classes gives the printed deck's look.
  const probe = document.createElement('div')
  probe.className = 'slide-number slide-number-pdf'
  probe.textContent = '1'
  document.querySelector('.reveal')?.append(probe)
  const numberStyle = getComputedStyle(probe)
  const slideNumber = {color: numberStyle.color, size: Number.parseFloat(numberStyle.fontSize) || 18, font: numberStyle.fontFamily}
  // Reveal puts the background on its viewport, a class the measuring page does not have: the browser resolves the colour.
  probe.style.backgroundColor = 'var(--cd-background, #fff)'
  const background = getComputedStyle(probe).backgroundColor
  probe.remove()
  const loaded = new Set<string>()
  document.fonts.forEach((face) => {
    if (face.status === 'loaded') loaded.add(face.family.replace(/^["']|["']$/g, ''))
  })
  const webFonts = [...loaded]
  return {slides, background, fonts, webFonts, slideNumber}
}
