/**
 * The theme sheet (`npm run sheet`): slides/every-kind (every kind of slide
 * citedeck makes) built in every shipped theme, each slide screenshotted at
 * 1280×720 in headless Chromium as a presenter sees it (controls and slide
 * number included), and laid out as one PNG a theme in docs/
 * (docs/sheet-<theme>.png). It also remakes the README picture,
 * docs/example-slides.png, from the example deck in the shipped themes.
 *
 * `npm run sheet -- FILE… [--out DIR]` instead makes a contact sheet of each
 * deck or essay given (an essay is imported in memory, as `build` does):
 * DIR/<name>.png (default: contact/), every slide, to look at a whole deck.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, dirname, join, resolve} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {availableThemes, build, launchBrowser} from '../lib/index.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const KINDS = join(ROOT, 'slides/every-kind/deck.md')
const EXAMPLE = join(ROOT, 'slides/cuban-missile-crisis/deck.md')
const THUMB = {width: 400, height: 225}

/** Screenshots (base64 PNG) of the given slides of a built deck, or of all when `pick` is omitted. */
async function screenshots(page, folder, pick) {
  await page.goto(pathToFileURL(join(folder, 'index.html')).href, {waitUntil: 'load'})
  await page.waitForFunction(() => window.Reveal?.isReady() === true)
  await page.evaluate(() => window.Reveal.configure({transition: 'none', controlsTutorial: false}))
  const slides = await page.evaluate(() => window.Reveal.getSlides().map((slide) => window.Reveal.getIndices(slide)))
  const shots = []
  for (const index of pick ?? slides.keys()) {
    const {h, v} = slides[index]
    await page.evaluate((h, v) => window.Reveal.slide(h, v ?? 0), h, v)
    await page.evaluate(() => document.fonts.ready)
    // The arrows fade in and out (0.2 s): shoot them settled.
    await new Promise((done) => setTimeout(done, 300))
    shots.push(await page.screenshot({encoding: 'base64'}))
  }
  return shots
}

/** One PNG: the shots in a grid of `columns`, each captioned, on a neutral grey. */
async function sheet(page, shots, columns, output, captions = []) {
  const cells = shots
    .map((shot, index) => `<figure><img src="data:image/png;base64,${shot}"><figcaption>${captions[index] ?? ''}</figcaption></figure>`)
    .join('')
  const gap = 12
  const width = columns * THUMB.width + (columns + 1) * gap
  await page.setViewport({width, height: 200})
  await page.setContent(`<!doctype html><style>
    body { margin: 0; padding: ${gap}px; background: #8a8d93; display: grid; grid-template-columns: repeat(${columns}, ${THUMB.width}px); gap: ${gap}px; font: 15px sans-serif; color: #fff; }
    figure { margin: 0; } img { display: block; width: ${THUMB.width}px; height: ${THUMB.height}px; }
    figcaption { padding-top: 4px; height: 18px; }
  </style>${cells}`)
  await page.evaluate(() => Promise.all(Array.from(document.images).map((image) => image.decode())))
  writeFileSync(output, await page.screenshot({fullPage: true}))
  await page.setViewport({width: 1280, height: 720})
}

/** One contact sheet a deck or essay of `files`, in `out`. */
async function contactSheets(page, work, files, out) {
  mkdirSync(out, {recursive: true})
  for (const file of files) {
    const name = basename(file).replace(/\.[^.]+$/, '') === 'deck' ? basename(dirname(resolve(file))) : basename(file).replace(/\.[^.]+$/, '')
    const result = await build(resolve(file), {output: join(work, name)})
    if (!result.output) {
      console.log(`${file}: did not build`)
      continue
    }
    const shots = await screenshots(page, result.output)
    await sheet(page, shots, 4, join(out, `${name}.png`), shots.map((_, index) => `${name} · ${index + 1}`))
    console.log(`wrote ${join(out, `${name}.png`)} (${shots.length} slides)`)
  }
}

/** The theme sheets of every shipped theme and the README picture. */
async function themeSheets(page, work) {
  const built = {}
  for (const theme of availableThemes()) {
    const result = await build(KINDS, {output: join(work, theme), theme})
    if (!result.output) throw new Error(`slides/every-kind did not build in ${theme}`)
    const shots = await screenshots(page, result.output)
    const kinds = await page.evaluate(() =>
      window.Reveal.getSlides().map((slide) => [...slide.classList].find((name) => name.startsWith('cd-') && name !== 'cd-slide')?.slice(3))
    )
    const output = join(ROOT, 'docs', `sheet-${theme}.png`)
    await sheet(page, shots, 3, output, kinds.map((kind, index) => `${theme} · ${index + 1} · ${kind}`))
    console.log(`wrote docs/sheet-${theme}.png (${shots.length} slides)`)
    built[theme] = (await build(EXAMPLE, {output: join(work, `example-${theme}`), theme})).output
  }
  // The README picture: the example essay's deck, one slide kind in each theme.
  const picks = [
    ['studio', 0],
    ['classroom', 2],
    ['chalkboard', 3],
    ['classroom', -1]
  ].filter(([theme]) => built[theme])
  const shots = []
  for (const [theme, index] of picks) {
    const count = await page.goto(pathToFileURL(join(built[theme], 'index.html')).href).then(() =>
      page.waitForFunction(() => window.Reveal?.isReady() === true).then(() => page.evaluate(() => window.Reveal.getTotalSlides()))
    )
    shots.push(...(await screenshots(page, built[theme], [index < 0 ? count + index : index])))
  }
  await sheet(page, shots, 2, join(ROOT, 'docs/example-slides.png'), picks.map(([theme]) => theme))
  console.log('wrote docs/example-slides.png')
}

const args = process.argv.slice(2)
const outAt = args.indexOf('--out')
const out = outAt >= 0 ? resolve(args.splice(outAt, 2)[1] ?? 'contact') : resolve('contact')
const work = mkdtempSync(join(tmpdir(), 'citedeck-sheet-'))
const session = await launchBrowser()
try {
  const page = (await session.browser.pages())[0] ?? (await session.browser.newPage())
  await page.setViewport({width: 1280, height: 720})
  if (args.length > 0) await contactSheets(page, work, args, out)
  else await themeSheets(page, work)
} finally {
  await session.close()
  rmSync(work, {recursive: true, force: true})
}
