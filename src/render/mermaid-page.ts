/**
 * The script that draws Mermaid diagrams inside a page holding the deck's
 * theme and fonts, after mermaid's own script (serialised by puppeteer, so it
 * must not use anything from its module). Diagrams take the theme's colours
 * and its body font, loaded first so mermaid measures the text the deck
 * shows, a little smaller than the body text (never below the theme's
 * minimum); labels are SVG text, not HTML, so the SVG also reads outside a
 * browser (the PowerPoint export).
 */

/** What became of one diagram: its SVG, or mermaid's error with the line of the diagram's text it points at (mermaid's columns count a normalised text). */
export type Drawn = {svg: string} | {error: string; line?: number}

export async function drawInPage(sources: string[], ids: string[]): Promise<Drawn[]> {
  const root = getComputedStyle(document.documentElement)
  const variable = (name: string, fallback: string) => root.getPropertyValue(name).trim() || fallback
  // Computed `rgb(…)`, which mermaid's colour maths reads whatever the theme wrote (a name, `var()`, hex).
  const colour = (name: string, fallback: string) => {
    const probe = document.createElement('span')
    probe.style.color = variable(name, fallback)
    document.body.append(probe)
    const value = getComputedStyle(probe).color
    probe.remove()
    return value
  }
  const background = colour('--cd-background', '#ffffff')
  const [red = 255, green = 255, blue = 255] = (background.match(/[\d.]+/g) ?? []).map(Number)
  const darkMode = 0.2126 * red + 0.7152 * green + 0.0722 * blue < 128
  const size = Number.parseFloat(variable('--cd-size', '32px')) || 32
  const minimum = Number.parseFloat(variable('--cd-min-size', '18px')) || 18
  const fontFamily = variable('--cd-font', 'sans-serif')
  const fontSize = Math.max(minimum, Math.round(size * 0.875))
  const loading: Array<Promise<unknown>> = []
  document.fonts.forEach((face) => void loading.push(face.load().catch(() => undefined)))
  await Promise.all(loading)

  const mermaid = (window as unknown as {mermaid: MermaidApi}).mermaid
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: 'base',
    htmlLabels: false,
    flowchart: {htmlLabels: false},
    // The theme's size sets the CSS; sequence diagrams write this one on their text.
    fontSize,
    fontFamily,
    themeVariables: {
      darkMode,
      background,
      fontFamily,
      fontSize: `${fontSize}px`,
      primaryColor: colour('--cd-surface', '#eeeeee'),
      primaryTextColor: colour('--cd-text', '#111111'),
      primaryBorderColor: colour('--cd-accent', '#333333'),
      lineColor: colour('--cd-muted', '#555555'),
      textColor: colour('--cd-text', '#111111'),
      tertiaryColor: background
    }
  })
  const drawn: Drawn[] = []
  for (const [index, source] of sources.entries()) {
    try {
      drawn.push({svg: (await mermaid.render(ids[index]!, source)).svg})
    } catch (error) {
      const failure = error as {message?: string; hash?: {text?: string; loc?: {first_line?: number}; expected?: string[]}}
      const message = failure.message ?? String(error)
      const loc = failure.hash?.loc
      // With no diagram type, the first line that is not a comment or an option (`%%`) should name one.
      const typeLine = source.split('\n').findIndex((text) => text.trim() !== '' && !text.trim().startsWith('%%')) + 1
      const line = /No diagram type detected/.test(message) ? typeLine : loc?.first_line ?? Number(/\bline (\d+)/.exec(message)?.[1] ?? Number.NaN)
      drawn.push({
        error: explain(message, failure.hash),
        ...(Number.isFinite(line) ? {line} : {})
      })
    }
    // A failed render leaves its error drawing in the page.
    document.getElementById(`d${ids[index]}`)?.remove()
  }
  return drawn

  /** Mermaid's message in one line: what it met and, briefly, what it expected. */
  function explain(message: string, hash?: {text?: string; expected?: string[]}): string {
    if (/No diagram type detected/.test(message)) return 'the first line names no Mermaid diagram type'
    if (hash?.text !== undefined && hash.expected) {
      const expected = hash.expected.slice(0, 4).map((name) => name.replace(/'/g, '')).join(', ')
      return `unexpected \`${hash.text.trim() || 'end of line'}\` (expected ${expected}${hash.expected.length > 4 ? '…' : ''})`
    }
    return message.split('\n')[0]!.replace(/^Parse error on line \d+:?\s*/, '').trim() || message
  }
}

interface MermaidApi {
  initialize: (config: object) => void
  render: (id: string, text: string) => Promise<{svg: string}>
}
