/**
 * The fidelity report: what the importer found and whether anything of the
 * essay went missing on the way to the outline.
 */
import type {VFile} from 'vfile'

export interface ImportReport {
  paragraphs: number
  sentences: {total: number; inOutline: number}
  references: {entries: number; parsed: number}
  citations: {found: number; resolved: number}
  quotes: number
  slides: number
  warnings: number
}

export function formatReport(report: ImportReport, file?: VFile): string {
  const lines = [
    `Paragraphs:   ${report.paragraphs}`,
    `Sentences:    ${report.sentences.inOutline}/${report.sentences.total} in slides or notes`,
    `References:   ${report.references.parsed}/${report.references.entries} parsed`,
    `Citations:    ${report.citations.resolved}/${report.citations.found} resolved`,
    `Quotes:       ${report.quotes}`,
    `Slides:       ${report.slides}`,
    `Warnings:     ${report.warnings}`
  ]
  if (file) for (const message of file.messages) lines.push(`  ${message.line ?? 1}:${message.column ?? 1}  ${message.reason}  [${message.ruleId}]`)
  return lines.join('\n') + '\n'
}
