/**
 * Pictures of what only the browser draws: typeset math and diagrams become
 * PNGs captured from the measuring page at twice their CSS size (sharp on a
 * projector), with a transparent background, which PowerPoint, Keynote,
 * Google Slides and Impress all show alike. An SVG would stay vector, but a
 * diagram's SVG leans on CSS and web fonts that PowerPoint and Impress draw
 * differently, and KaTeX's output is HTML.
 */
import type {Page} from 'puppeteer-core'
import type {ImageBlock, SlideModel} from './model.js'
import type {MeasuredElement} from './page.js'

const SCALE = 2

/** Sets each snapshot block's `src` to its PNG, captured at its area measured on `slides` (per slide, per tag). */
export async function takeSnapshots(page: Page, models: SlideModel[], slides: MeasuredElement[][]): Promise<void> {
  const wanted = models.map((model) => model.blocks.filter((block): block is ImageBlock => block.type === 'image' && block.snapshot === true))
  if (wanted.every((blocks) => blocks.length === 0)) return
  // A page in the background is not painted: it would capture blank.
  await page.bringToFront()
  for (const [index, blocks] of wanted.entries()) {
    if (blocks.length === 0) continue
    const origin = await page.evaluate(showOnly, index)
    if (!origin) continue
    for (const block of blocks) {
      const box = slides[index]?.[block.tag]?.content
      if (!box || box[2] <= 0 || box[3] <= 0) continue
      const clip = {x: origin.x + box[0], y: origin.y + box[1], width: box[2], height: box[3], scale: SCALE}
      block.src = `data:image/png;base64,${await page.screenshot({type: 'png', encoding: 'base64', omitBackground: true, clip})}`
    }
  }
}

/**
 * Runs in the page: the measuring page lays every slide at the same place in
 * a `.reveal` that reveal's script (not loaded) would size, so it clips them
 * all; this shows slide `slide` alone, unclipped, and gives its place in the
 * page. Inline styles, which the deck's content policy allows from a script.
 */
function showOnly(slide: number): {x: number; y: number} | undefined {
  const reveal = document.querySelector<HTMLElement>('.reveal')
  reveal?.style.setProperty('overflow', 'visible', 'important')
  let shown: Element | undefined
  document.querySelectorAll<HTMLElement>('section[data-cd-pptx]').forEach((section) => {
    const own = section.getAttribute('data-cd-pptx') === String(slide)
    if (own) shown = section
    if (own) section.style.removeProperty('display')
    else section.style.setProperty('display', 'none', 'important')
  })
  const rect = shown?.getBoundingClientRect()
  return rect ? {x: rect.left + window.scrollX, y: rect.top + window.scrollY} : undefined
}
