/** `citedeck import`: an essay becomes an editable outline (`deck.md`) and its bibliography (`references.json`). */
import {existsSync, realpathSync} from 'node:fs'
import {basename, extname, join, relative, resolve} from 'node:path'
import {Command} from 'commander'
import {CitedeckError} from '../errors.js'
import {readEssay} from '../import/read-essay.js'
import {writeFilesAtomic} from '../io/write-output.js'
import {hasErrors} from '../messages.js'
import type {CliContext} from './context.js'
import {formatMessages} from './format.js'

interface ImportFlags {
  output?: string
  force?: boolean
  title?: string
  json?: boolean
  quiet?: boolean
}

export function importCommand(context: CliContext): Command {
  return new Command('import')
    .description('turn an essay (.txt, .md or .docx with APA citations) into an outline deck.md and references.json')
    .argument('<essay>', 'the essay: plain text, Markdown or Word (.docx)')
    .option('-o, --output <folder>', 'folder for deck.md and references.json (default: slides/<essay>)')
    .option('--force', 'replace an existing deck.md and references.json')
    .option('--title <title>', 'deck title (default: the essay’s title line, else its topic)')
    .option('--json', 'print the fidelity report as JSON')
    .option('-q, --quiet', 'print only warnings and errors')
    .action(async (essay: string, flags: ImportFlags) => {
      context.exit(await runImport(essay, flags, context))
    })
}

async function runImport(essay: string, flags: ImportFlags, {io}: CliContext): Promise<number> {
  const folder = resolve(flags.output ?? join('slides', basename(essay, extname(essay))))
  const deckPath = join(folder, 'deck.md')
  const referencesPath = join(folder, 'references.json')
  const file = await readEssay(essay)
  // The essay is the user's only copy: no flag may write over it.
  // By where they lead: an essay.md that is a symlink to deck.md is the same file.
  const essayReal = realOrSelf(file.path)
  if ([deckPath, referencesPath].some((path) => path === file.path || realOrSelf(path) === essayReal)) {
    throw new CitedeckError(`the outline would overwrite the essay ${essay}`, 'USAGE', 'choose another folder with -o')
  }
  const existing = [deckPath, referencesPath].filter((path) => existsSync(path))
  if (existing.length > 0 && !flags.force) {
    throw new CitedeckError(
      `${relative(process.cwd(), existing[0]!) || existing[0]} already exists`,
      'USAGE',
      'pass --force to replace it (your edits to it would be lost), or choose another folder with -o'
    )
  }
  // The importer (and its NLP) loads only for this command.
  const {formatReport, importEssay} = await import('../import/index.js')
  const result = await importEssay(file, {title: flags.title})
  for (const line of formatMessages(file)) io.stderr(line)
  if (hasErrors(file)) {
    io.stderr('citedeck: nothing imported')
    return 1
  }
  // Both or neither: an outline beside the previous import's references would cite the wrong sources.
  await writeFilesAtomic([
    {path: referencesPath, data: JSON.stringify(result.references, null, 2) + '\n'},
    {path: deckPath, data: result.markdown}
  ])
  if (flags.json) io.stdout(JSON.stringify(result.report, null, 2))
  else if (!flags.quiet) {
    io.stdout(`imported ${relative(process.cwd(), deckPath) || deckPath} and references.json`)
    io.stdout(formatReport(result.report).trimEnd())
  }
  return 0
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return path
  }
}
