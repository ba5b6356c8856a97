/**
 * Is an input a prose essay (to import) or an outline (to build)? Kept apart
 * from the importer so that building an outline does not load its NLP.
 */
import {findReferenceSection} from './reference-section.js'

/**
 * True for a prose essay: `.txt` and `.docx` always; `.md` (when `text` is
 * given) when it has a reference list and reads as prose: paragraphs of
 * running text, not bullet lists or fenced divs. Section headings (`##`) do
 * not make it an outline: an essay's sections hold paragraphs (at least one
 * for most headings), an outline's slides hold bullets.
 */
export function isEssayPath(path: string, text?: string): boolean {
  if (/\.(?:txt|docx)$/i.test(path)) return true
  if (!/\.(?:md|markdown)$/i.test(path) || text === undefined) return false
  const lines = text.split('\n')
  const headings = lines.filter((line) => /^#{2,6}\s/.test(line) && !/^#+\s+(?:references|works cited|bibliography|sources|referencias|bibliografía)\s*$/i.test(line)).length
  const bullets = lines.filter((line) => /^\s*(?:[-*+]|\d+[.)])\s/.test(line)).length
  const prose = lines.filter((line) => line.split(/\s+/).length > 40).length
  // The line counts first: an outline's bullets settle it before the reference list is looked for.
  return prose >= 2 && bullets < prose && prose >= headings * 0.75 && !/^:::/m.test(text) && findReferenceSection(text) !== undefined
}
