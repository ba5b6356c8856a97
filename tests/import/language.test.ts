import {describe, expect, it} from 'vitest'
import {detectLanguage} from '../../src/import/language.js'
import {neutralTagger} from '../../src/import/neutral-tags.js'
import {articlePhrases} from '../../src/import/noun-phrase.js'
import {readTitlePage} from '../../src/import/title-page.js'

describe('essay language', () => {
  it('tells English, Spanish, French, German, Italian and Portuguese apart', () => {
    expect(detectLanguage('The evidence from the pilots is encouraging, but it is not yet clear that it would work for the whole economy.')).toBe('en')
    expect(detectLanguage('La agricultura consume cerca del 80 % del agua dulce que se utiliza en España, y el riego por goteo no ahorra agua.')).toBe('es')
    expect(detectLanguage('Les adolescents dorment moins qu’il y a trente ans, et beaucoup arrivent au lycée sans avoir dormi les huit heures que recommandent les médecins.')).toBe('fr')
    expect(detectLanguage('Der stärkste Grund für eine niedrigere Geschwindigkeit ist die Physik des Aufpralls, und das wird auch nicht bestritten.')).toBe('de')
    expect(detectLanguage('Il consumo di acqua per l’irrigazione non è diminuito, e la maggior parte degli agricoltori ha ampliato le coltivazioni.')).toBe('it')
    expect(detectLanguage('O consumo de água não diminuiu, e a maior parte dos agricultores ampliou as culturas com a água que sobrou.')).toBe('pt')
  })
})

describe('noun phrases without an English tagger', () => {
  it('stops a French phrase before its verb and joins nouns with de/du', () => {
    const tags = neutralTagger('fr')!
    const text = 'Les adolescents dorment moins. La continuité du réseau est essentielle. La lumière bleue retarde encore la sécrétion de mélatonine.'
    const phrases = articlePhrases(text, tags(text), 'fr')
    expect(phrases).toContain('continuité du réseau')
    expect(phrases).toContain('lumière bleue')
    expect(phrases).toContain('sécrétion de mélatonine')
    expect(phrases).not.toContain('adolescents dorment')
  })

  it('reads German noun phrases from their capitalised nouns', () => {
    const phrases = articlePhrases('Der stärkste Grund ist die Physik des Aufpralls. Die Wirkung auf die Umwelt ist klein.', undefined, 'de')
    expect(phrases).toEqual(expect.arrayContaining(['stärkste Grund', 'Physik des Aufpralls', 'Wirkung auf die Umwelt']))
    expect(phrases.some((phrase) => /\bist\b/.test(phrase))).toBe(false)
  })
})

describe('title pages in other languages', () => {
  it('reads a German title page', () => {
    const header = readTitlePage(['Tempo 30 in der Innenstadt: Mehr Sicherheit ohne Stau?', 'Lena Hoffmann', 'Seminar: Verkehrspolitik im Wandel (WS 2024/25)', 'Dozent: Prof. Dr. Martin Keller', 'Abgabe: 15. Januar 2025'].map((text) => ({text})))
    expect(header).toMatchObject({title: 'Tempo 30 in der Innenstadt: Mehr Sicherheit ohne Stau?', author: 'Lena Hoffmann', date: '15. Januar 2025'})
    expect(header.details).toHaveLength(2)
  })

  it('splits a title-page line joined with middle dots', () => {
    const header = readTitlePage([{text: 'El riego por goteo', marked: true}, {text: 'Lucía Romero Vidal · Grado en Ciencias Ambientales · Profesor: Dr. Andrés Molina · 20 de marzo de 2025'}])
    expect(header).toMatchObject({title: 'El riego por goteo', author: 'Lucía Romero Vidal', date: '20 de marzo de 2025'})
    expect(header.subtitle).toBeUndefined()
  })
})
