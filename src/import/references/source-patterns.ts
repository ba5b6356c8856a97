/**
 * The patterns of the parts after an entry's title, one a field: publishing-house
 * words, edition, volume, issue, volume(issue):pages, Vancouver's
 * `2001;12(3):45-67`, pages, ranges, article and report numbers, editors,
 * translators and an original publication date, in the languages students write.
 */
// Words that make a name a publishing house; the houses themselves are told by their position (settle).
export const HOUSE_WORDS = /\b(?:Press|UP|Publish(?:ers?|ing)|Publications|Books|Verlag|Verlagsgesellschaft|Editorial|Ediciones|Éditions|Editions|Edições|Editora|Editores|Editrice|Libros|Inc|Ltd|Co|Corp|Company|Sons|House|Media|Presses|Universit(?:y|ies|é|ät|à|ad))\b/u
export const EDITION = /^(?:\(?\s*)?(\d+|[a-z]+(?![a-z]))(?:st|nd|rd|th|\.ª|ª|\.|e|ème|te)?\s*(?:ed|edn|edition|éd|ed\.ª|Aufl|Auflage|ed\.\s*rev)\.?\s*\)?$|^(Rev(?:ised)?|Expanded|Updated)\.?\s+ed(?:ition|n)?\.?$/iu
// A short part naming an edition in words: `1st American ed.`, `Viking critical edition`, `Revised and expanded`, `Kritische Studienausgabe`, `2. vyd.`.
export const EDITION_PHRASE = /^(?!gen\.)(?:[\p{L}\d.]+\s+){1,3}(?:ed|edn|edition|éd|édition|edición|edizione|Aufl|Auflage|vyd|izd)\.?$|^\p{L}*ausgabe(?:\s+\d+)?$|^(?:Revised|Reprint(?:ed)?|Expanded|Enlarged|Corrected|Updated)(?:,?\s+(?:and\s+)?\p{Ll}+)?(?:\s+ed(?:ition|n)?\.?)?$/iu
// A label ends at its full stop, a space or a digit: `Thesis` and `Toronto` are no `t.` volume, `Norfolk` no issue.
export const VOLUME = /^(?:vol(?:ume)?s?|v|Bd|Jg|t|tome|tomo)(?:\.\s*|\s+|(?=\d))([\w.–-]+)$/iu
export const ISSUE = /^(?:no|nos|nr|núm|num|n[°º]|issue|iss|Heft|H|fasc)(?:\.\s*|\s+|(?=\d))([\w/-]+)$/iu
export const VOLUME_ISSUE = /^(\d+[A-Za-z]?)(\s*)\(([^()]+)\)(?:\s*[:\s]\s*(?:pp?\.\s*)?([A-Za-z]?\d+[A-Za-z]?(?:\s*[-–—]+\s*[A-Za-z]?\d+[A-Za-z]?)?))?$/u
// `13.2`, `45/4`, `33:3: 101-120`: volume and issue joined by a full stop, slash or colon (MLA's older `13.2`, Vancouver's colons).
export const JOINED_ISSUE = /^(\d+[A-Za-z]?)(?:[./](\d+(?:[-–]\d+)?)|\s*:\s*(\d+)(?=\s*:))(?:\s*:?\s*(?:pp?\.\s*)?([A-Za-z]?\d+(?:\s*[-–—]+\s*[A-Za-z]?\d+)?))?\s*:?$/u
// `5 175-185`: a volume and its pages with only a space between.
export const SPACED_PAGES = /^(\d{1,4}[A-Za-z]?)\s+([A-Za-z]?\d+\s*[-–—]+\s*[A-Za-z]?\d+)$/u
export const VOLUME_PAGES = /^(\d+)\s*:\s*([A-Za-z]?\d+(?:\s*[-–—]+\s*[A-Za-z]?\d+)?)$/u
// `2001;12(3):45-67`, `2005 ;59 (5): 533–38`, `2012 Jun; 24(2): p. 113-119`, and without the semicolon `2011 44(4) 644-9`.
export const VANCOUVER = /^(\d{4}[a-z]?)(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?(?:\s*;\s*(\d+)?\s*(?:\(([^()]+)\))?\s*(?::\s*(?:pp?\.\s*)?([A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?))?|\s+(\d+)\s*\(([^()]+)\)\s*:?\s*([A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?))$/u
export const PAGES = /^(?:pp?|PP?|pgs?|pages?|Pages?|págs?|S|s|str|cc?)\.?\s*([A-Za-z]?\d+[A-Za-z]?(?:\s*[-–—]+\s*[A-Za-z]?\d+[A-Za-z]?)?(?:\s*(?:,|&|and)\s*[A-Za-z]?\d+[A-Za-z]?(?:\s*[-–]\s*[A-Za-z]?\d+)?)*)\.?$/u
export const RANGE = /^([A-Za-z]?\d+[A-Za-z]?\s*[-–—]+\s*[A-Za-z]?\d+[A-Za-z]?|[A-Z]\d+(?:\s*,\s*[A-Z]\d+)*)$/u
export const ARTICLE = /^(?:Article|Art\.|Paper|article)\s*(?:No\.?\s*)?([\w.-]+)$|^(e\d{3,})$/u
// `Report No. 5`, `Technical Report 14`, `Tech. Rpt. CIS-91-2`, `Bulletin 184`, `TR 1069`: a report's or series' number.
export const REPORT_NUMBER = /^(?:(?:[\p{L}]+\s+)*(?:Report|Working Paper|Paper|Technical Report|Research Report|Bulletin|Series)\s+)?(?:No\.|Nr\.|Number)\s*([\w./-]+)$|^(?:[\p{L}.]+\s+)*(?:Report|Rep\.|Rpt\.|TR|Working Paper|Bulletin|Memo|Memorandum)\s+#?((?:[\w./-]+\s+){0,2}[\w./-]*\d[\w./-]*)$/iu
export const EDITORS = /^(?:edited|ed\.|eds\.|Ed\.|Eds\.|hrsg\.|herausgegeben|édité|editado|a cura di|coord\.)\s*(?:by|von|par|por|di)?\s+(.+)$/iu
export const TRANSLATORS = /^(?:translated|trans\.|transl\.|tr\.|traducido|traducción de|traduit|übersetzt|übers\.|traduzione di)\s*(?:by|von|par|por|de)?\s+(.+)$/iu
export const ORIGINAL = /\(?(?:Original work published|Trabajo original publicado en|Obra original publicada en|Originally published|First published)\s*(?:in\s*)?(\d{4})\)?\.?/iu
// A series' words: `Lecture Notes in Computer Science 392`, `Studies in Logic`, `Graduate texts in mathematics`, `Coll. Folio`, `Schriftenreihe des …`.
export const SERIES = /\b(?:Series|Serie|Reihe|Schriftenreihe|Lecture Notes|Notes in|Studies in|[Tt]exts in|Texte und|Monographs?|Collection|Bibliotheca|Travaux|Cahiers)\b|^(?:ser\.|Coll\.|coll\.|Collection)\s/u
// `volume 193 of Lecture Notes…`, `vol. 60 of Math. Sci. Res. Inst. Publ.`: a volume of a series.
export const VOLUME_OF = /^(?:vol(?:ume)?\.?|no\.?|number)\s*(\d+[A-Za-z]?)\s*,?\s+of\s+(?:the\s+)?(.+)$/iu
// The word that marks names as editors, bracketed or after a comma: `(Eds.)`, `(editors)`, `(Hgg.)`, `(dir.)`, `(éd.)`, `(gen. ed.)`, `(compilador)`, `, eds.`.
export const EDITOR_WORD = String.raw`(?:Eds?|eds?|Ed|editors?|Editors?|Hrsg|Hgg?|Hg|Coords?|coords?|Dirs?|dirs?|Comps?|comps?|[ée]ds?|gen\.\s*ed|compiladora?|compiladores|a cura di)`
