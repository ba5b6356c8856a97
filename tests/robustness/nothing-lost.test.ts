/**
 * Nothing lost: a failed build leaves the previous output byte for byte, a
 * full disk too; `import` never overwrites without --force; the source is
 * never written over. The disk-full case makes `writeFile` fail with ENOSPC
 * for `index.html` temp files, the read-only one `mkdir` and `writeFile` as
 * Node fails on a read-only disk (a mocked node:fs/promises; both were also
 * tried on real tmpfs mounts: a full 4 MB one and a read-only one).
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {basename, join, relative} from 'node:path'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {runCli, tempDir} from './helpers.js'

const diskFull = {on: false}
// Paths under this folder are on a read-only disk, as Node reports one: a recursive mkdir fails with ENOENT, a plain one with EROFS.
const readOnly = {folder: ''}

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>()
  const refused = (path: unknown, code: string) =>
    Object.assign(new Error(`${code}: refused, '${String(path)}'`), {code})
  const onReadOnly = (path: unknown) => readOnly.folder !== '' && String(path).startsWith(readOnly.folder + '/')
  const writeFile: typeof actual.writeFile = async (path, ...rest) => {
    if (diskFull.on && String(path).includes('.citedeck-tmp-')) throw refused(path, 'ENOSPC')
    if (onReadOnly(path)) throw refused(path, 'EROFS')
    return actual.writeFile(path, ...rest)
  }
  const mkdir = (async (path, options) => {
    if (onReadOnly(path)) throw refused(path, typeof options === 'object' && options?.recursive ? 'ENOENT' : 'EROFS')
    return actual.mkdir(path, options)
  }) as typeof actual.mkdir
  return {...actual, writeFile, mkdir, default: {...actual, writeFile, mkdir}}
})

afterEach(() => {
  diskFull.on = false
  readOnly.folder = ''
})

const STACK = /\n\s+at .+:\d+:\d+|internal error/

/** Every file under `dir` with its bytes, for byte-for-byte comparison. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>()
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder)) {
      const path = join(folder, entry)
      if (statSync(path).isDirectory()) walk(path)
      else files.set(relative(dir, path), readFileSync(path).toString('base64'))
    }
  }
  walk(dir)
  return files
}

function setup(): {dir: string; deck: string; out: string} {
  const dir = tempDir('citedeck-lost-')
  const deck = join(dir, 'deck.md')
  writeFileSync(deck, '---\ntitle: Good\n---\n\n## The good deck\n')
  return {dir, deck, out: join(dir, 'dist')}
}

describe('nothing lost', () => {
  it('a build with errors leaves the previous dist/ folder (and an exported PDF in it) untouched', async () => {
    const {deck, out} = setup()
    expect((await runCli('build', deck, '-o', out, '--no-fit')).code).toBe(0)
    writeFileSync(join(out, 'deck.pdf'), '%PDF-1.7 pretend')
    const before = snapshot(out)
    for (const broken of ['---\ntitle: [broken\n---\n', '## A\n\n![x](gone.png)\n', '---\nbibliography: gone.bib\n---\n\n[@a]\n']) {
      writeFileSync(deck, broken)
      const result = await runCli('build', deck, '-o', out, '--no-fit')
      expect(result.code).toBe(1)
      expect(snapshot(out)).toEqual(before)
    }
  })

  it('a full disk: exit 2 with a hint, the previous output intact, no temp folders left', async () => {
    const {dir, deck, out} = setup()
    expect((await runCli('build', deck, '-o', out, '--no-fit')).code).toBe(0)
    const before = snapshot(out)
    writeFileSync(deck, '## A newer deck\n')
    diskFull.on = true
    for (const flags of [['-o', out], ['--embed', '-o', join(dir, 'talk.html')]]) {
      const result = await runCli('build', deck, ...flags, '--no-fit')
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/citedeck: error: cannot write .* \(ENOSPC\)\n  hint: the disk is full/)
      expect(result.stderr).not.toMatch(STACK)
    }
    expect(snapshot(out)).toEqual(before)
    expect(readdirSync(dir).filter((name) => name.startsWith('.citedeck-tmp-'))).toEqual([])
  })

  it('-o at the source\'s folder, or at the source itself, is refused and the source kept', async () => {
    const {dir, deck} = setup()
    const source = readFileSync(deck)
    for (const target of [dir, deck, join(dir, '..')]) {
      const result = await runCli('build', deck, '-o', target, '--no-fit', '--force')
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/contains the source/)
    }
    const essay = join(dir, 'essay.txt')
    writeFileSync(essay, 'An essay (Roskin, 2010).\n\nReferences\n\nRoskin, M. (2010). Book. Press.\n')
    expect((await runCli('build', essay, '--embed', '-o', essay, '--no-fit')).code).toBe(2)
    expect(readFileSync(deck).equals(source)).toBe(true)
    expect(readFileSync(essay, 'utf8')).toContain('An essay')
  })

  it('a read-only disk: exit 2, EROFS with a hint (Node says ENOENT), nothing written', async () => {
    const {dir, deck} = setup()
    readOnly.folder = join(dir, 'mounted')
    mkdirSync(readOnly.folder)
    for (const target of [join(readOnly.folder, 'out'), join(readOnly.folder, 'a', 'b')]) {
      const result = await runCli('build', deck, '-o', target, '--no-fit')
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/citedeck: error: cannot write .*mounted.* \(EROFS\)\n  hint: the disk is read-only: choose another folder with -o/)
      expect(result.stderr).not.toMatch(STACK)
    }
    expect(readdirSync(readOnly.folder)).toEqual([])
  })

  it('import on a full disk, into a new folder or an empty one, leaves nothing: no folder made, no file half-written', async () => {
    const dir = tempDir('citedeck-lost-')
    const essay = join(dir, 'essay.txt')
    writeFileSync(essay, 'The crisis began (Roskin, 2010, p. 5).\n\nReferences\n\nRoskin, M. (2010). Crisis. Press.\n')
    mkdirSync(join(dir, 'empty'))
    diskFull.on = true
    for (const target of [join(dir, 'new', 'slides'), join(dir, 'empty')]) {
      const result = await runCli('import', essay, '-o', target, '--quiet')
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/\(ENOSPC\)\n  hint: the disk is full/)
    }
    expect(readdirSync(dir).sort()).toEqual(['empty', 'essay.txt'])
    expect(readdirSync(join(dir, 'empty'))).toEqual([])
    // A first build that fails the same way leaves no folder either.
    writeFileSync(join(dir, 'deck.md'), '## A\n')
    expect((await runCli('build', join(dir, 'deck.md'), '-o', join(dir, 'dist', 'deck'), '--no-fit')).code).toBe(2)
    expect(existsSync(join(dir, 'dist'))).toBe(false)
  })

  it('import never overwrites deck.md or references.json without --force', async () => {
    const dir = tempDir('citedeck-lost-')
    const essay = join(dir, 'essay.txt')
    writeFileSync(essay, 'The crisis began (Roskin, 2010, p. 5). It ended well (Roskin, 2010).\n\nReferences\n\nRoskin, M. (2010). Crisis. Press.\n')
    const out = join(dir, 'slides')
    mkdirSync(out)
    writeFileSync(join(out, 'deck.md'), 'my edited outline')
    const refused = await runCli('import', essay, '-o', out)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/already exists\n  hint: pass --force/)
    expect(readFileSync(join(out, 'deck.md'), 'utf8')).toBe('my edited outline')

    writeFileSync(join(dir, 'slides', 'deck.md'), 'x')
    const onlyReferences = join(dir, 'other')
    mkdirSync(onlyReferences)
    writeFileSync(join(onlyReferences, 'references.json'), '[]')
    expect((await runCli('import', essay, '-o', onlyReferences)).code).toBe(2)
    expect(readFileSync(join(onlyReferences, 'references.json'), 'utf8')).toBe('[]')

    expect((await runCli('import', essay, '-o', out, '--force', '--quiet')).code).toBe(0)
    expect(readFileSync(join(out, 'deck.md'), 'utf8')).toContain('[@roskin2010')
  })

  it('import refuses to write its outline over the essay', async () => {
    const dir = tempDir('citedeck-lost-')
    const essay = join(dir, 'deck.md')
    const text = 'The crisis began when missiles were found in Cuba and the whole world waited for days to hear what would happen next, as the historians who wrote about it agree in every account of the crisis that we have read for this class so far (Roskin, 2010, p. 5).\n\nReferences\n\nRoskin, M. (2010). Crisis. Press.\n'
    writeFileSync(essay, text)
    const result = await runCli('import', essay, '-o', dir, '--force')
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/would overwrite the essay/)
    expect(readFileSync(essay, 'utf8')).toBe(text)
  })

  it('output targets: a symlink to the source folder, an .html without --embed, a user\'s own .html, a file, a built page to pdf', async () => {
    const {dir, deck, out} = setup()
    const source = readFileSync(deck)
    symlinkSync(dir, join(dir, '..', `${basename(dir)}-link`))
    const cases: Array<[string[], RegExp]> = [
      [['build', deck, '-o', join(dir, '..', `${basename(dir)}-link`), '--force'], /contains the source/],
      [['build', deck, '-o', join(dir, 'talk.html')], /writes one file, but the deck needs its assets beside it\n  hint: add --embed/],
      [['build', deck, '-o', join(dir, 'afile')], /output .*afile is a file, not a folder/],
      [['build', deck, '--embed', '-o', join(dir, 'index.html')], /index\.html exists and was not made by citedeck\n  hint: .*--force/],
      [['pdf', join(out, 'index.html')], /pdf prints a deck from its source, not a built page/]
    ]
    writeFileSync(join(dir, 'afile'), 'mine')
    writeFileSync(join(dir, 'index.html'), '<p>my own page</p>')
    for (const [argv, message] of cases) {
      const result = await runCli(...argv, ...(argv[0] === 'build' ? ['--no-fit'] : []))
      expect(result.stderr, argv.join(' ')).toMatch(message)
      expect(result.stderr).not.toMatch(STACK)
      expect(result.code, argv.join(' ')).toBe(2)
    }
    expect(readFileSync(deck).equals(source)).toBe(true)
    expect(readFileSync(join(dir, 'afile'), 'utf8')).toBe('mine')
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('<p>my own page</p>')
    expect(existsSync(join(dir, 'talk.html'))).toBe(false)
    expect((await runCli('build', deck, '--embed', '-o', join(dir, 'index.html'), '--force', '--no-fit', '--quiet')).code).toBe(0)
    expect((await runCli('build', deck, '--embed', '-o', join(dir, 'index.html'), '--no-fit', '--quiet')).code).toBe(0)
  })

  it('import onto a symlink to the essay is refused: it would write over the essay', async () => {
    const dir = tempDir('citedeck-lost-')
    const text = 'The crisis began (Roskin, 2010, p. 5).\n\nReferences\n\nRoskin, M. (2010). Crisis. Press.\n'
    writeFileSync(join(dir, 'deck.md'), text)
    symlinkSync(join(dir, 'deck.md'), join(dir, 'essay.md'))
    const result = await runCli('import', join(dir, 'essay.md'), '-o', dir, '--force')
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/would overwrite the essay/)
    expect(readFileSync(join(dir, 'deck.md'), 'utf8')).toBe(text)
  })
})
