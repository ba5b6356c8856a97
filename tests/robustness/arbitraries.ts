/**
 * fast-check generators for what students feed citedeck: Markdown outlines
 * (front matter, broken YAML, headings, citations, footnotes, fences, fenced
 * divs, HTML, tables), bibliographies in three formats, whole or corrupted,
 * and prose essays with APA reference lists.
 *
 * Citation keys all start with `zq` and no other generated text contains
 * `@zq`, so the suite can tell a citation that leaked into the output as plain
 * text from one that was rendered or reported.
 */
import fc from 'fast-check'

/** Text that never spells `@zq` (which would look like a citation we did not plan). */
const safe = (text: string) => text.replace(/@/g, '(at)')

// Pandoc keys: a word character first, then word characters, with `:.#$%&-+?<>~/` allowed between them.
export const citationKey = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9_]{1,6}$/),
    fc.array(fc.tuple(fc.constantFrom(':', '.', '#', '$', '%', '&', '-', '+', '?', '<', '>', '~', '/', ''), fc.stringMatching(/^[A-Za-z0-9_é]{1,4}$/)), {
      maxLength: 2
    })
  )
  .map(([head, rest]) => `zq${head}${rest.map(([mark, word]) => mark + word).join('')}`)

const unicodeWord = fc.oneof(
  fc.constantFrom('slide', 'crisis', 'Kennedy', 'naïve', 'Ωmega', 'مرحبا', 'שלום', '漢字', 'かな', '한국어', '🙂', 'e\u0301', '\u200b', 'x\u202ey'),
  fc.string({unit: 'grapheme', maxLength: 12}).map(safe),
  fc.string({unit: 'binary', maxLength: 8}).map(safe)
)

const words = fc.array(unicodeWord, {minLength: 1, maxLength: 6}).map((list) => list.join(' '))

const locator = fc.oneof(
  fc.constantFrom('', 'p. 3', 'pp. 154-155', 'ch. 2', 'sec. 4', 'para. 3', 'p. 58, emphasis added', 'passim', 'pp. iv, vi–xi, (xv)–(xvii)', '*passim*', '{}', 'p. [3]', 'p. 3]'),
  fc.string({maxLength: 12}).map(safe)
)

/** One citation cluster in pandoc syntax, with the keys it uses. */
export const citation = fc
  .record({
    mode: fc.constantFrom('normal', 'narrative', 'suppress'),
    items: fc.array(fc.record({key: citationKey, prefix: fc.constantFrom('', 'see ', 'cf. ', 'e.g. '), locator}), {minLength: 1, maxLength: 3})
  })
  .map(({mode, items}) => {
    if (mode === 'narrative') {
      const [first] = items
      return {text: `@${first!.key}${first!.locator ? ` [${first!.locator}]` : ''}`, keys: [first!.key]}
    }
    const parts = items.map((item, index) => `${item.prefix}${mode === 'suppress' && index === 0 ? '-' : ''}@${item.key}${item.locator ? `, ${item.locator}` : ''}`)
    return {text: `[${parts.join('; ')}]`, keys: items.map((item) => item.key)}
  })

export interface Chunk {
  text: string
  keys: string[]
}

const plain = (text: string): Chunk => ({text, keys: []})

const inline: fc.Arbitrary<Chunk> = fc.oneof(
  {weight: 4, arbitrary: words.map(plain)},
  {weight: 3, arbitrary: citation},
  {weight: 1, arbitrary: words.map((text) => plain(`*${text}*`))},
  {weight: 1, arbitrary: words.map((text) => plain(`**${text}**`))},
  {weight: 1, arbitrary: words.map((text) => plain(`\`${text}\``))},
  {weight: 1, arbitrary: fc.constantFrom('a', 'b', '1', 'note', 'x y').map((id) => plain(`[^${id}]`))},
  {weight: 1, arbitrary: words.map((text) => plain(`[${text}](https://example.org/${encodeURIComponent(text)})`))},
  {weight: 1, arbitrary: fc.constantFrom('![pic](data:image/png;base64,iVBORw0KGgo=)', '![local](pic.png)', '![missing](no/such.png)', '![remote](https://example.org/x.png)', '<b>bold</b>', '<span class="x">', '</div>', '&amp; &lt; &#0; &#xD800;', '\\*', '\\[@', '[', ']', '*', '_').map(plain)}
)

// A line starting with a tag (`</div> … @key`) is an HTML block, raw by design; keep HTML inside lines.
const line = fc.array(inline, {minLength: 1, maxLength: 6}).map((chunks): Chunk => ({
  text: (chunks[0]!.text.startsWith('<') ? 'x ' : '') + chunks.map((chunk) => chunk.text).join(' '),
  keys: chunks.flatMap((chunk) => chunk.keys)
}))

const join = (chunks: Chunk[], separator: string): Chunk => ({
  text: chunks.map((chunk) => chunk.text).join(separator),
  keys: chunks.flatMap((chunk) => chunk.keys)
})

const wrap = (before: string, chunk: Chunk, after = ''): Chunk => ({text: before + chunk.text + after, keys: chunk.keys})

const fenceBody = fc.oneof(fc.constantFrom('const x = 1 // @not-a-citation', 'def f():\n    return [@zqinside]', '', '<script>alert(1)</script>'), fc.string({maxLength: 40}))

const block: fc.Arbitrary<Chunk> = fc.oneof(
  {weight: 4, arbitrary: line},
  {weight: 3, arbitrary: fc.tuple(fc.constantFrom('# ', '## ', '### ', '#### '), line).map(([marks, text]) => wrap(marks, text))},
  {weight: 2, arbitrary: fc.array(line, {minLength: 1, maxLength: 4}).map((items) => join(items.map((item) => wrap('- ', item)), '\n'))},
  {weight: 1, arbitrary: fc.array(line, {minLength: 1, maxLength: 3}).map((items) => join(items.map((item, index) => wrap(`${index + 1}. `, item)), '\n'))},
  {weight: 1, arbitrary: fc.tuple(line, fc.option(words)).map(([quote, speaker]) => wrap('> ', quote, speaker ? `\n>\n> — ${speaker}` : ''))},
  {
    weight: 1,
    // Fenced code: citations inside are literal. Some fences never close.
    arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'js', 'python', 'no-such-language', 'html', '{.r}'), fenceBody, fc.boolean()).map(([fence, lang, body, closed]) =>
      plain(`${fence}${lang}\n${body.replace(/`{3,}|~{3,}/g, '')}${closed ? `\n${fence}` : ''}`)
    )
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('notes', 'incremental', 'nonincremental', '{#refs}', '{.columns}', '{.column width="40%"}', 'weird {', '{#id .a .b key=val}'), fc.array(line, {maxLength: 3}), fc.boolean())
      .map(([name, lines, closed]) => wrap(`::: ${name}\n`, join(lines, '\n\n'), closed ? '\n:::' : ''))
  },
  {weight: 1, arbitrary: fc.constantFrom('---', '. . .', '***', '* * *').map(plain)},
  {weight: 1, arbitrary: line.map((text) => wrap('Note: ', text))},
  {weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'b', '1', 'note', 'unused'), line).map(([id, text]) => wrap(`[^${id}]: `, text))},
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({min: 1, max: 4}), fc.array(line, {minLength: 1, maxLength: 6}), fc.boolean())
      .map(([columns, cells, broken]) => {
        const cell = (index: number) => cells[index % cells.length]!
        const header = Array.from({length: columns}, (_, index) => cell(index).text.replace(/\|/g, '/'))
        const rows = [1, 2].map((row) => Array.from({length: broken ? columns + row - 1 : columns}, (_, index) => cell(row * columns + index).text.replace(/\|/g, '/')))
        const keys = [...header, ...rows.flat()].join(' ')
        const text = [`| ${header.join(' | ')} |`, `|${' --- |'.repeat(columns)}`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n')
        // The keys of the cells actually used.
        return {text, keys: cells.flatMap((chunk) => chunk.keys).filter((key) => keys.includes(`@${key}`))}
      })
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        '<div class="custom">raw <em>HTML</em></div>',
        '<script>window.fuzz = 1</script>',
        '<!-- a comment -->',
        '<details><summary>More</summary>hidden</details>',
        '<img src="x.png" alt="">',
        '<table><tr><td>cell',
        '<style>.x { color: red }</style>'
      )
      .map(plain)
  },
  {weight: 1, arbitrary: fc.string({unit: 'binary', maxLength: 60}).map((text) => plain(safe(text)))}
)

const yamlScalar = fc.oneof(words.map((text) => JSON.stringify(text)), fc.constantFrom('true', 'false', '~', '42', '2026-11-25', '[a, b]', '{x: 1}', '"unterminated', "'", '&anchor', '*alias', '|', '>'))

const frontMatterFields = fc.record(
  {
    title: yamlScalar,
    subtitle: yamlScalar,
    author: fc.oneof(yamlScalar, fc.constant('[Ann, Bob]'), fc.constant('\n  - name: Ann\n  - name: Bob')),
    lang: fc.constantFrom('en', 'en-US', 'de', 'fr-CA', 'ar', 'he', 'fa-IR', 'zh-Hans', 'ja', 'x-klingon', '""', '42', 'en_US'),
    csl: fc.constantFrom('apa', 'mla', 'chicago-notes', 'chicago-author-date', 'harvard', 'ieee', 'nope', 'missing.csl'),
    citations: fc.constantFrom('inline', 'footnotes', 'sideways'),
    incremental: fc.constantFrom('true', 'false', 'maybe'),
    'aspect-ratio': fc.constantFrom('16:9', '4:3', '16:10', '1:1', '"16:9"'),
    'slide-number': fc.constantFrom('true', 'false', 'c/t', '3'),
    transition: fc.constantFrom('fade', 'none', 'spin'),
    theme: fc.constantFrom('classroom', 'chalkboard', 'neon'),
    nocite: fc.constantFrom('"@*"', '"@zqa @zqb"', '[zqnocite]'),
    'reference-section-title': yamlScalar
  },
  {requiredKeys: []}
)

export interface FrontMatterChoice {
  /** Lines between the `---` fences (without the bibliography line). */
  body: string
  broken: boolean
  /** Inline `references:` keys, when the front matter defines some. */
  inlineKeys: string[]
}

export const frontMatter: fc.Arbitrary<FrontMatterChoice | undefined> = fc.oneof(
  {weight: 1, arbitrary: fc.constant(undefined)},
  {
    weight: 4,
    arbitrary: fc.tuple(frontMatterFields, fc.array(citationKey, {maxLength: 3})).map(([fields, inlineKeys]) => {
      const lines = Object.entries(fields).map(([key, value]) => `${key}: ${value}`)
      if (inlineKeys.length > 0) {
        lines.push('references:', ...inlineKeys.flatMap((key) => [`  - id: ${JSON.stringify(key)}`, '    type: book', `    title: Inline ${key}`, '    issued: 2001']))
      }
      return {body: lines.join('\n'), broken: false, inlineKeys}
    })
  },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.constantFrom('title: [broken', 'title: "x\n  - y: : :', '\ttitle: tab', 'title: a\ntitle: b', ': :', '- just\n- a list', '"a string"', '{{{{', 'title: !!binary xyz', 'x: &a [*a]', 'references: 3', 'references:\n  - {}\n  - id: 4\n  - title: no id'),
        fc.string({maxLength: 60}).map(safe)
      )
      .map((body) => ({body: body.replace(/^---$/gm, '- - -'), broken: true, inlineKeys: []}))
  }
)

export const markdownBody = fc.array(block, {minLength: 0, maxLength: 14}).map((blocks) => join(blocks, '\n\n'))

export type BibFormat = 'bib' | 'json' | 'yaml'

export interface BibChoice {
  format: BibFormat
  keys: string[]
  text: string
  corrupted: boolean
}

const fieldText = fc.oneof(
  fc.constantFrom('A history of crises', 'Ünïcödé — “quotes”', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '{Braced} {T}itle', '\\emph{Emph} and \\"{o}', '$x^2$', '&amp; & < >', '', 'مرحبا بالعالم', '漢字の本'),
  fc.string({maxLength: 30}).map(safe)
)

const entry = fc.record({
  type: fc.constantFrom('book', 'article-journal', 'chapter', 'webpage', 'thesis', 'nonsense'),
  title: fieldText,
  family: fieldText,
  given: fieldText,
  year: fc.oneof(fc.integer({min: -50, max: 2100}).map(String), fc.constantFrom('n.d.', '2010-05', '1999/2000', 'in press', '')),
  container: fieldText,
  page: fc.oneof(fc.constantFrom('1-10', '154–155', 'iv', ''), fc.string({maxLength: 6}).map(safe))
})

const bibtexType: Record<string, string> = {book: 'book', 'article-journal': 'article', chapter: 'incollection', webpage: 'online', thesis: 'phdthesis', nonsense: 'misc'}
const braced = (text: string) => text.replace(/[{}]/g, '')

function bibText(format: BibFormat, items: [string, fc.RecordValue<typeof entry>][]): string {
  if (format === 'bib') {
    return items
      .map(([key, item]) =>
        [`@${bibtexType[item.type]}{${key},`, `  title = {${braced(item.title)}},`, `  author = {${braced(item.family)}, ${braced(item.given)}},`, `  year = {${braced(item.year)}},`, `  journal = {${braced(item.container)}},`, `  pages = {${braced(item.page)}}`, '}'].join('\n')
      )
      .join('\n\n')
  }
  const csl = items.map(([key, item]) => ({
    id: key,
    type: item.type,
    title: item.title,
    author: [{family: item.family, given: item.given}],
    issued: /^-?\d+$/.test(item.year) ? {'date-parts': [[Number(item.year)]]} : {raw: item.year},
    'container-title': item.container,
    page: item.page
  }))
  if (format === 'json') return JSON.stringify(csl, null, 2)
  // JSON is YAML; write it as pandoc users do, one key a line.
  return `references:\n${csl.map((item) => `- ${JSON.stringify(item)}`).join('\n')}\n`
}

/** Truncates, splices bytes in, or drops braces and quotes. */
const corruption = fc.oneof(
  fc.record({kind: fc.constant('truncate' as const), at: fc.double({min: 0, max: 1, noNaN: true})}),
  fc.record({kind: fc.constant('splice' as const), at: fc.double({min: 0, max: 1, noNaN: true}), text: fc.oneof(fc.string({unit: 'binary', maxLength: 8}), fc.constantFrom('{', '}', '"', ',', '@', '\n@book{', ':', '- ', '\t', '\u0000'))}),
  fc.record({kind: fc.constant('strip' as const), chars: fc.constantFrom('{', '}', '"', ',', ':', '[', ']')})
)

function corrupt(text: string, how: fc.RecordValue<typeof corruption> extends infer T ? T : never): string {
  const at = 'at' in how ? Math.floor(how.at * text.length) : 0
  if (how.kind === 'truncate') return text.slice(0, at)
  if (how.kind === 'splice') return text.slice(0, at) + safe(how.text) + text.slice(at)
  return text.split(how.chars).join('')
}

/** A bibliography in one format from a pool of keys; sometimes corrupted, sometimes random bytes. */
export function bibliography(pool: fc.Arbitrary<string[]>): fc.Arbitrary<BibChoice> {
  return fc
    .tuple(pool, fc.constantFrom<BibFormat>('bib', 'json', 'yaml'), fc.array(entry, {minLength: 1, maxLength: 8}), fc.option(corruption, {freq: 3}), fc.boolean())
    .map(([keys, format, entries, how, randomKeys]) => {
      const unique = [...new Set(keys)]
      const items = unique.map((key, index): [string, fc.RecordValue<typeof entry>] => [randomKeys && index === 0 ? `zqextra${index}` : key, entries[index % entries.length]!])
      const text = bibText(format, items)
      return {format, keys: items.map(([key]) => key), text: how ? corrupt(text, how) : text, corrupted: how !== null}
    })
}

// ---------------------------------------------------------------- essays

const surname = fc.constantFrom('Roskin', 'Hermes', 'Smith', 'García', 'Nguyen', "O'Brien", 'van der Berg', 'Müller', 'Łukasz', '<script>alert(1)</script>', 'Al-Farabi')
const year = fc.oneof(fc.integer({min: 1900, max: 2030}).map(String), fc.constantFrom('n.d.', '2010a', '2010b', 'in press'))

const essaySentence = fc.oneof(
  {weight: 3, arbitrary: words.map((text) => `${text}.`)},
  {weight: 2, arbitrary: fc.tuple(words, surname, year, fc.constantFrom('', ', p. 5', ', pp. 10-12', ', para. 3')).map(([text, name, when, page]) => `${text} (${name}, ${when}${page}).`)},
  {weight: 1, arbitrary: fc.tuple(surname, year, words).map(([name, when, text]) => `${name} (${when}) argued that ${text}.`)},
  {weight: 1, arbitrary: fc.tuple(words, surname, year).map(([text, name, when]) => `“${text}” (${name} & Other, ${when}, p. 3).`)},
  {weight: 1, arbitrary: fc.constantFrom('<script>alert("essay")</script>', '<img src=x onerror=alert(1)>', '**not markdown**', '# not a heading', '[@zqnot] a pandoc cite in prose', '```', ':::', '---', '| a | b |', '\u0000'.slice(1))}
)

const referenceEntry = fc.oneof(
  fc.tuple(surname, fc.constantFrom('A.', 'J. F.', 'M.-L.'), year, words, fc.constantFrom('Journal of Things', 'Oxford University Press', '')).map(
    ([name, initials, when, title, where]) => `${name}, ${initials} (${when}). ${title}. ${where}${where ? '.' : ''}`
  ),
  words,
  fc.constantFrom('', '   ', '(2010).', '<script>alert("ref")</script> (2001). Title.', 'Smith, J. (2010). https://doi.org/10.1000/xyz')
)

export const essay = fc
  .record({
    title: fc.option(words),
    paragraphs: fc.array(fc.array(essaySentence, {minLength: 1, maxLength: 6}), {maxLength: 8}),
    heading: fc.constantFrom('References', 'REFERENCES', 'Works Cited', 'Bibliography', 'Reference List', ''),
    references: fc.array(referenceEntry, {maxLength: 8}),
    newline: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean()
  })
  .map(({title, paragraphs, heading, references, newline, bom}) => {
    const parts = [...(title ? [title] : []), ...paragraphs.map((sentences) => sentences.join(' ')), ...(heading ? [heading] : []), ...references]
    return (bom ? '\uFEFF' : '') + parts.join(newline + newline) + newline
  })
