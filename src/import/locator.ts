/**
 * Page and paragraph locators as students type them (`p.154-155`, `pg 3`,
 * `para 4`), normalised the way pandoc and CSL expect (`pp. 154–155`).
 */

const LABELS: Array<[RegExp, string, string]> = [
  [/^(?:pp?|pgs?|pages?)$/i, 'p.', 'pp.'],
  [/^(?:paras?|paragraphs?|¶¶?)$/i, 'para.', 'paras.'],
  [/^(?:ch|chaps?|chapters?)$/i, 'chap.', 'chaps.'],
  [/^(?:sec|sects?|sections?|§§?)$/i, 'sec.', 'secs.'],
  [/^(?:l|ll|lines?)$/i, 'l.', 'll.'],
  [/^(?:fig|figs?|figures?)$/i, 'fig.', 'figs.']
]

// The label must end at a full stop, space or digit: `Larson et al.` is a name, not `l.` + `arson`.
const LOCATOR = /^(pp?|pgs?|pages?|paras?|paragraphs?|¶¶?|ch|chaps?|chapters?|sec|sects?|sections?|§§?|ll?|lines?|figs?|figures?)(?!\p{L})\.?\s*(\S.*)$/iu

/** `p.154-155` → `pp. 154–155`; undefined when the text is not a locator. */
export function normalizeLocator(text: string): string | undefined {
  const match = LOCATOR.exec(text.trim())
  if (!match) return undefined
  const value = match[2]!
    .replace(/\s*(?:-|–|—|\bto\b)\s*/g, '–')
    .replace(/\s*,\s*/g, ', ')
    .replace(/\.$/, '')
  if (!/^(?:\d|[ivxlc]+(?![\p{L}]))/iu.test(value)) return undefined
  const [, single, plural] = LABELS.find(([pattern]) => pattern.test(match[1]!))!
  return `${/[–,]|&/.test(value) ? plural : single} ${value}`
}
