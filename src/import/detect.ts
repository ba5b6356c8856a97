/**
 * Is an input a prose essay (to import) or an outline (to build)? Kept apart
 * from the importer so that building an outline does not load its NLP.
 */
import {findReferenceSection} from './reference-section.js'

/**
 * True for a prose essay: `.txt` and `.docx` always; `.md` (when `text` is
 * given) when it has a reference list but no outline structure (slide
 * headings, bullet lists, fenced divs).
 */
export function isEssayPath(path: string, text?: string): boolean {
  if (/\.(?:txt|docx)$/i.test(path)) return true
  if (!/\.(?:md|markdown)$/i.test(path) || text === undefined) return false
  const lines = text.split('\n')
  const headings = lines.filter((line) => /^##\s/.test(line) && !/^##\s+(?:references|works cited|bibliography|sources)\s*$/i.test(line)).length
  const bullets = lines.filter((line) => /^\s*[-*+]\s/.test(line)).length
  const prose = lines.filter((line) => line.split(/\s+/).length > 40).length
  return findReferenceSection(text) !== undefined && prose > 0 && bullets < prose && headings <= prose / 3 && !/^:::/m.test(text)
}
