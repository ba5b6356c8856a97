import {describe, expect, it} from 'vitest'
import {type Bullet, toBullets} from '../../src/import/bullets.js'
import {neutralTagger} from '../../src/import/neutral-tags.js'

const C = '\uE0000\uE001'
const D = '\uE0001\uE001'

/**
 * Sentence → acceptable bullets. Each expectation is the whole list, so a
 * shortening that drops a `but`, `until` or `not` clause, cuts a sentence
 * off, or loses a citation fails.
 */
const PAIRS: Array<[string, string[]]> = [
  // Short: whole, without a linking opener and the full stop.
  ['Consequently, he approved of the proposal.', ['He approved of the proposal']],
  // A contrast opener carries the argument: it stays.
  ['However, the official view did not change quickly.', ['However, the official view did not change quickly']],
  // Contrast and condition clauses stay, even in a long sentence.
  [
    `Reading fiction can build empathy in young readers who spend time with characters unlike themselves, but only under certain conditions ${C}.`,
    [`Reading fiction can build empathy in young readers who spend time with characters unlike themselves, but only under certain conditions ${C}`]
  ],
  [
    'The council argued that the use of facial recognition by the police in public places should be stopped until there are clear laws about it.',
    ['The council argued that the use of facial recognition by the police in public places should be stopped until there are clear laws about it']
  ],
  // Long: coordinated clauses split; `but` opens the second bullet; the closing citation stays on both.
  [
    `The evidence from recent pilots is encouraging for employee wellbeing and for the retention of staff in small firms, but it cannot yet show that the model would work across the whole economy ${C}.`,
    [`The evidence from recent pilots is encouraging for employee wellbeing and for the retention of staff in small firms ${C}`, `But it cannot yet show that the model would work across the whole economy ${C}`]
  ],
  // `…, but that …` inside a reported claim.
  [
    'It argues that the evidence from recent pilots is encouraging, particularly for employee wellbeing and retention, but that it cannot yet show that the model would work across the whole economy.',
    ['It argues that the evidence from recent pilots is encouraging, particularly for employee wellbeing and retention', 'But it cannot yet show that the model would work across the whole economy']
  ],
  // What the claim does not need goes: an aside in parentheses, an appositive, an example.
  [
    'Rachel Carson, a biologist who had worked for the Fish and Wildlife Service, set out to change that view about the safety of the pesticide DDT (then sprayed on farms and suburbs).',
    ['Rachel Carson set out to change that view about the safety of the pesticide DDT']
  ],
  [
    'Most doctors and sanitary reformers of the 1850s believed that diseases such as cholera were spread by foul air rising from rotting matter in the river.',
    ['Most doctors and sanitary reformers of the 1850s believed that diseases were spread by foul air rising from rotting matter in the river']
  ],
  // A lead-in phrase goes, unless it dates the claim; an aside inserted after it goes, keeping the lead-in's comma.
  [
    'When the heat arrived in the first week of June, the smell reached the new Houses of Parliament directly and drove members from the library.',
    ['The smell reached the new Houses of Parliament directly and drove members from the library']
  ],
  [
    `In October of 1962, during the height of the Cold War, a U2 camera plane captured photographs of nuclear missile sites being built in Cuba by the Soviet Union ${C}.`,
    [`In October of 1962, a U2 camera plane captured photographs of nuclear missile sites being built in Cuba by the Soviet Union ${C}`]
  ],
  // A list is not an insert: nothing of it goes.
  [
    'Bazalgette also built the Victoria, Albert, and Chelsea Embankments on top of the low-level sewer, which narrowed the river, reclaimed land, and created new roads.',
    ['Bazalgette also built the Victoria, Albert, and Chelsea Embankments on top of the low-level sewer, which narrowed the river, reclaimed land, and created new roads']
  ],
  [
    'Bazalgette built the Victoria, Albert, and Chelsea Embankments on top of the low-level sewer, which narrowed the river and reclaimed land, and the city finally had a clean river to walk beside.',
    ['Bazalgette built the Victoria, Albert, and Chelsea Embankments on top of the low-level sewer, which narrowed the river and reclaimed land', 'The city finally had a clean river to walk beside']
  ],
  // A quotation is never cut: its condition stays.
  [
    `Kennedy made it clear that the “United States would retaliate against the Soviet Union with nuclear weapons if any Cuban missiles were used against an American nation” ${C}.`,
    [`Kennedy made it clear that the “United States would retaliate against the Soviet Union with nuclear weapons if any Cuban missiles were used against an American nation” ${C}`]
  ],
  // A citation inside a part that goes goes with it; one closing the sentence stays.
  [
    `Crossness, opened by the Prince of Wales in 1865 ${D}, was decorated with painted cast iron in a style that Allen calls cathedral-like, so as to disguise the purpose of the building ${C}.`,
    [`Crossness, opened by the Prince of Wales in 1865 ${D}, was decorated with painted cast iron in a style that Allen calls cathedral-like, so as to disguise the purpose of the building ${C}`]
  ],
  [
    `Wild bee density and bumble bee colony growth were lower next to the treated fields in the Swedish study, while honey bee colonies were not clearly affected ${C}.`,
    [`Wild bee density and bumble bee colony growth were lower next to the treated fields in the Swedish study ${C}`, '  while honey bee colonies were not clearly affected']
  ]
]

/** Bullets as list lines: a subordinate part under its bullet, indented. */
const lines = (bullets: Bullet[]) => bullets.map((bullet) => `${'  '.repeat(bullet.level - 1)}${bullet.text}`)

// A long clause: its reason, concession or finding goes under it, opening with the word that marks it.
PAIRS.push(
  [
    'Anne K. Mellor argues that this scene is the key to the whole book, because Victor fails at the most basic task of a parent, which is simply to stay.',
    ['Anne K. Mellor argues that this scene is the key to the whole book', '  because Victor fails at the most basic task of a parent, which is simply to stay']
  ],
  [
    `Henry et al. ${D} glued tiny radio-frequency tags to honey bee foragers and found that bees given a low, field-realistic dose were much more likely to fail to find their way back.`,
    [`Henry et al. ${D} glued tiny radio-frequency tags to honey bee foragers`, '  found that bees given a low, field-realistic dose were much more likely to fail to find their way back']
  ]
)

// A relative clause closed by a comma is an insert, dropped whole; the sentence is never cut at its `which`.
PAIRS.push([
  `Beekeepers in the United States still lose a large share of their colonies every year ${C}, and wild bees, which get far less attention, appear to be declining as well ${D}.`,
  [`Beekeepers in the United States still lose a large share of their colonies every year ${C}, and wild bees appear to be declining as well ${D}`]
])

// Inserts go with the punctuation that set them off, and only that.
PAIRS.push(
  // A participle compromise tags as a past tense, right before the sentence's verb, is an insert.
  [
    `Twin girls, known by the pseudonyms Lulu and Nana, had been born after the researcher used the gene-editing tool CRISPR-Cas9 to alter their embryos ${C}.`,
    [`Twin girls had been born after the researcher used the gene-editing tool CRISPR-Cas9 to alter their embryos ${C}`]
  ],
  // An example between a subject and its verb takes both commas; a leading `When …` clause keeps its own.
  [
    'Cycling clubs for women, such as the Michigan Women’s Cycling Club, organised long rides that would have been unthinkable a generation earlier.',
    ['Cycling clubs for women organised long rides that would have been unthinkable a generation earlier']
  ],
  [
    'When the safety bicycle appeared in the late 1880s, with two wheels of equal size and a chain driving the rear wheel, it was marketed as a machine for everyone.',
    ['When the safety bicycle appeared in the late 1880s, it was marketed as a machine for everyone']
  ]
)

// Condition and attribution stay: a `when` clause not in the past is a condition; `in the words of X` says whose words.
PAIRS.push(
  [
    'When cities budget for proper soil volumes and regular pruning, the benefits of each tree exceed its costs by a factor of between two and six over its lifetime.',
    ['When cities budget for proper soil volumes and regular pruning, the benefits of each tree exceed its costs by a factor of between two and six over its lifetime']
  ],
  [
    'Within a decade it had become, in the words of the suffragist Susan B. Anthony, the machine that had done more to free women than anything else.',
    ['Within a decade it had become, in the words of the suffragist Susan B. Anthony, the machine that had done more to free women than anything else']
  ]
)

// Where a long sentence is cut: at a colon (what it announces goes under it), after a quotation's comma,
// before a clause whose subject follows a phrase of time, and before `that` as a determiner (not a second claim).
PAIRS.push(
  [
    'The lesson of the pilot programme is simple but uncomfortable: a shorter week only works when managers are willing to cut meetings and redesign the jobs themselves.',
    ['The lesson of the pilot programme is simple but uncomfortable', '  a shorter week only works when managers are willing to cut meetings and redesign the jobs themselves']
  ],
  [
    `Smith notes that reviewers called the book “sentimental” and its author “a hysterical amateur,” suggesting that a woman outside the universities could not be a serious scientist ${C}.`,
    [`Smith notes that reviewers called the book “sentimental” and its author “a hysterical amateur” ${C}`, '  suggesting that a woman outside the universities could not be a serious scientist']
  ],
  [
    'The drug saved thousands of soldiers from infection during the war in the Pacific, and after the armistice it was sold in every pharmacy without a prescription or any warning.',
    ['The drug saved thousands of soldiers from infection during the war in the Pacific', 'After the armistice it was sold in every pharmacy without a prescription or any warning']
  ],
  [
    'Critics claimed the saddle was dangerous to health and morals, but the bicycle let women travel alone wherever they pleased, and that freedom threatened a social order built on keeping them at home.',
    ['Critics claimed the saddle was dangerous to health and morals', 'But the bicycle let women travel alone wherever they pleased', 'That freedom threatened a social order built on keeping them at home']
  ]
)

// A clause after `, so` may open with a phrase of time before its subject; a relative clause after a preposition (`in which`) is a subordinate part.
PAIRS.push(
  [
    'Average commuting times in the region have barely changed since the early 2000s, so at the current pace such a reform is still decades away from the national agenda.',
    ['Average commuting times in the region have barely changed since the early 2000s', 'So at the current pace such a reform is still decades away from the national agenda']
  ],
  [
    'His study followed two hundred families over ten years and collected thousands of diaries in which parents recorded every hour their children spent on screens during the school week.',
    ['His study followed two hundred families over ten years and collected thousands of diaries', '  in which parents recorded every hour their children spent on screens during the school week']
  ]
)

// After a lone opener (`However,`) the part up to the next comma is the main clause, not an insert to drop.
PAIRS.push([
  `However, the studies that delayed the start of classes in the morning show that pupils sleep longer, even if they keep using their phones in the evening ${C}.`,
  [`However, the studies that delayed the start of classes in the morning show that pupils sleep longer ${C}`, '  even if they keep using their phones in the evening']
])

describe('toBullets', () => {
  it.each(PAIRS)('%s', (sentence, bullets) => {
    expect(lines(toBullets(sentence))).toEqual(bullets)
  })

  it('never ends a bullet on a function word or cuts a sentence off', () => {
    for (const [sentence] of PAIRS) {
      for (const bullet of lines(toBullets(sentence))) {
        expect(bullet).not.toMatch(/\b(?:the|a|an|of|to|in|and|or|but|that|which|with|for)$/i)
        expect(bullet).not.toMatch(/…$/)
      }
    }
  })

  it('does not repeat a narrative citation at the end', () => {
    const narrative = (placeholder: string) => placeholder !== C
    expect(lines(toBullets(`${C} showed that heat waves kill more people in dense neighborhoods with few trees than in leafy suburbs, and that older residents living alone are most at risk.`, narrative))).toEqual([
      `${C} showed that heat waves kill more people in dense neighborhoods with few trees than in leafy suburbs`,
      '  and that older residents living alone are most at risk'
    ])
  })
})

/**
 * French and German sentences, tagged by their closed word classes only (no
 * English rule): the contrast (`mais`, `aber`, `sondern`), reason (`car`,
 * `weil`) and condition (`si`, `wenn`) clauses stay, and the bullets keep the
 * citations, so dropping a `mais` clause fails.
 */
const OTHER_LANGUAGES: Array<['fr' | 'de', string, string[]]> = [
  [
    'fr',
    `Les écrans aggravent ce décalage chez la plupart des adolescents, car la lumière bleue retarde la sécrétion de mélatonine, mais les horaires scolaires jouent un rôle plus important encore ${C}.`,
    [`Les écrans aggravent ce décalage chez la plupart des adolescents, car la lumière bleue retarde la sécrétion de mélatonine ${C}`, `Mais les horaires scolaires jouent un rôle plus important encore ${C}`]
  ],
  [
    'fr',
    `Dans ce travail, je soutiens que les politiques cyclables fonctionnent lorsqu’elles forment un réseau continu, mais qu’elles échouent si elles se limitent à quelques tronçons isolés.`,
    ['Je soutiens que les politiques cyclables fonctionnent lorsqu’elles forment un réseau continu, mais qu’elles échouent si elles se limitent à quelques tronçons isolés']
  ],
  [
    'fr',
    `Cependant, les études qui ont retardé l’heure d’entrée en classe montrent que les élèves dorment davantage, même s’ils continuent à utiliser leur téléphone le soir ${C}.`,
    [`Cependant, les études qui ont retardé l’heure d’entrée en classe montrent que les élèves dorment davantage, même s’ils continuent à utiliser leur téléphone le soir ${C}`]
  ],
  [
    'de',
    `Messungen in Berlin zeigen allerdings, dass sich die durchschnittliche Fahrzeit auf den untersuchten Abschnitten nur um wenige Sekunden pro Kilometer verlängerte, weil die Fahrzeuge ohnehin die meiste Zeit an Ampeln stehen ${C}.`,
    [`Messungen in Berlin zeigen allerdings, dass sich die durchschnittliche Fahrzeit auf den untersuchten Abschnitten nur um wenige Sekunden pro Kilometer verlängerte ${C}`, '  weil die Fahrzeuge ohnehin die meiste Zeit an Ampeln stehen']
  ],
  [
    'de',
    `Kommunen sollten daher nicht nur Schilder an allen Hauptstraßen der Innenstadt aufstellen, sondern Tempo 30 als Teil einer umfassenden Verkehrsplanung behandeln ${C}.`,
    [`Kommunen sollten daher nicht nur Schilder an allen Hauptstraßen der Innenstadt aufstellen, sondern Tempo 30 als Teil einer umfassenden Verkehrsplanung behandeln ${C}`]
  ]
]

describe('toBullets in other languages', () => {
  it.each(OTHER_LANGUAGES)('%s: %s', (language, sentence, bullets) => {
    const tags = neutralTagger(language)!(sentence.replace(/\uE000\d+\uE001/g, ' '))
    expect(lines(toBullets(sentence, () => true, tags))).toEqual(bullets)
  })
})
