/**
 * Place names a reference's source gives as its publisher's place: the
 * cities books and meetings come from, countries, and the states and
 * provinces written after a city (`Cambridge, MA`, `Waterloo, Ontario`), in
 * English and in the languages students cite (`München`, `Genève`,
 * `Firenze`). A capitalised word alone cannot tell `Tokyo` from `Elsevier`
 * or `Morgan Kaufmann`; this gazetteer can, and a part it knows is a place
 * wherever it stands. Hand-written: no npm gazetteer is small enough to load
 * on every import.
 */

const CITIES = `Aachen Aarhus Aberdeen Adelaide Albany Alexandria Algiers Amherst Amman Amsterdam Ankara Ann_Arbor Annapolis Antwerp Arlington Athens Atlanta Auckland Austin
Baltimore Bangalore Bangkok Barcelona Basel Bath Beijing Beirut Belfast Belgrade Bergen Berkeley Berlin Bern Bethesda Bielefeld Bilbao Birmingham Bloomington Bogotá Bologna Bombay Bonn Bordeaux Boston Boulder Bratislava Bremen Brighton Brisbane Bristol Brno Brussels Bruxelles Bucharest Budapest Buenos_Aires Buffalo
Cairo Calcutta Calgary Cambridge Canberra Cape_Town Caracas Cardiff Chapel_Hill Charleston Charlottesville Chennai Chicago Christchurch Cincinnati Cleveland Coimbra Cologne Columbia Columbus Copenhagen Córdoba Cork Coventry Dallas Darmstadt Delhi Denver Detroit Dhaka Dordrecht Dresden Dublin Dundee Durham Düsseldorf
Edinburgh Edmonton Eindhoven Evanston Exeter Florence Firenze Frankfurt Freiburg Fribourg Geneva Genève Genf Genoa Ghent Glasgow Glencoe Gothenburg Göttingen Granada Graz Groningen Guadalajara Guildford
Halifax Hamburg Hamilton Hannover Hanover Harlow Heidelberg Helsinki Hillsdale Hobart Hoboken Hong_Kong Honolulu Houston Indianapolis Innsbruck Istanbul Ithaca Jakarta Jena Jerusalem Johannesburg Karlsruhe Kiel Kiev Kyiv Kingston Kolkata Köln Kraków Krakow Kuala_Lumpur Kyoto
La_Jolla La_Paz Lagos Lancaster Lausanne Lawrence Leeds Leicester Leiden Leipzig Leuven Lexington Lille Lima Linz Lisboa Lisbon Liverpool Ljubljana London Los_Angeles Louvain Lund Luxembourg Lyon Madison Madrid Mahwah Mainz Manchester Manila Mannheim Marburg Marseille Melbourne Memphis Menlo_Park Mexico_City Miami Milan Milano Milwaukee Minneapolis Montpellier Montreal Montréal Moscow Moskva Mumbai Munich München Münster
Nagoya Nairobi Nanjing Nantes Naples Napoli Nashville New_Brunswick New_Delhi New_Haven New_Orleans New_York Newark Newbury_Park Newcastle Nice Norman Norwich Norwood Nottingham Nuremberg Nürnberg Oakland Odense Osaka Oslo Ottawa Oxford Padua Padova Palo_Alto Paris Pasadena Perth Philadelphia Phoenix Piscataway Pisa Pittsburgh Porto Portland Potsdam Prague Praha Pretoria Princeton Providence
Quebec Québec Raleigh Reading Regensburg Reno Reykjavik Richmond Riga Rio_de_Janeiro Rochester Rome Roma Rotterdam Sacramento Saint_Petersburg St._Petersburg St._Louis Salamanca Salt_Lake_City Salzburg San_Diego San_Francisco San_Jose San_Juan San_Mateo Santa_Barbara Santa_Clara Santa_Cruz Santa_Monica Santiago São_Paulo Sarajevo Seattle Seoul Sevilla Seville Shanghai Sheffield Singapore Sofia Southampton Stanford Stockholm Strasbourg Stuttgart Sydney
Taipei Tallinn Tampa Tehran Tel_Aviv Thessaloniki Thousand_Oaks Tokyo Toronto Toulouse Trento Trier Trieste Tübingen Tucson Turin Torino Turku Uppsala Urbana Utrecht Valencia Vancouver Venice Venezia Verona Victoria Vienna Wien Vilnius Warsaw Warszawa Washington Waterloo Wellington Wiesbaden Winnipeg Wrocław Würzburg York Zagreb Zaragoza Zurich Zürich`

const REGIONS = `Afghanistan Albania Algeria Argentina Armenia Australia Austria Bangladesh Belgium Bolivia Bosnia Brazil Brasil Bulgaria Cameroon Canada Chile China Colombia Croatia Cuba Cyprus Czech_Republic Czechia Denmark Deutschland Ecuador Egypt England Estonia Ethiopia Finland France Germany Ghana Great_Britain Greece Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Italia Japan Jordan Kenya Korea Latvia Lebanon Lithuania Malaysia Mexico México Morocco Nepal Netherlands The_Netherlands New_Zealand Nigeria Northern_Ireland Norway Pakistan Peru Philippines Poland Portugal Romania Russia Scotland Senegal Serbia Slovakia Slovenia South_Africa Spain España Sri_Lanka Sweden Switzerland Taiwan Tanzania Thailand Tunisia Turkey Uganda Ukraine United_Kingdom United_States United_States_of_America Uruguay Venezuela Vietnam Wales Zimbabwe
Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Massachusets Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada New_Hampshire New_Jersey New_Mexico North_Carolina North_Dakota Ohio Oklahoma Oregon Pennsylvania Rhode_Island South_Carolina South_Dakota Tennessee Texas Utah Vermont Virginia West_Virginia Wisconsin Wyoming
Alberta British_Columbia Manitoba New_South_Wales Nova_Scotia Ontario Queensland Saskatchewan Tasmania Bavaria Bayern Catalonia Catalunya`

// Short forms written after a city: postal codes (`MA`, `NSW`) and the older abbreviations (`Mass.`, `Calif.`, `N.Y.`).
const CODES = `UK U.K. US U.S. USA U.S.A. NSW ACT Vic Qld D.C. DC N.Y. N.J. N.C. N.H. N.M. S.C. Mass Calif Conn Ill Ind Md Mich Minn Miss Mo Penn Pa Va Wash Wis Tex Fla Ga Ore Colo Ariz Ky La Tenn Okla Neb Kan Del Vt Ont Que B.C.`

/** The names of a list, lower-cased; `_` joins the words of one name (`New_York`). */
function names(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean).map((name) => name.replace(/_/g, ' ').toLowerCase()))
}

const REGION_SET = names(REGIONS)
const KNOWN = new Set([...names(CITIES), ...REGION_SET])
const CODE_SET = names(CODES)

/** A place's small words, kept lower case in its name (`Rio_de_Janeiro`, `Ross-on-Wye`). */
const SMALL = /^(?:de|del|do|da|upon|on|am|sur|en|im|an|der|the|of)$/u

/**
 * Whether `text` is one known place or a place with its region: `Paris`,
 * `New_York, NY`, `Cambridge, Mass.`, `London and New_York`, `Amsterdam;
 * Boston`, `Bad Honnef/Bonn, Germany`. Every piece must be known or be a
 * region's code, and at least one piece a known name; an unknown capitalised
 * piece before a known region (`Ross-on-Wye, UK`, `Mahwah, NJ`) is a town.
 */
export function isKnownPlace(text: string): boolean {
  const pieces = text
    .replace(/(?<=\p{L}\.?)\s+\d{4,5}(?:-\d{4})?$/u, '')
    .split(/\s*(?:[,;/]|\band\b|&)\s*/u)
    .map((piece) => piece.replace(/^the\s+/iu, '').replace(/\.$/, '').trim())
    .filter(Boolean)
  if (pieces.length === 0 || pieces.length > 4) return false
  let known = 0
  for (const [index, piece] of pieces.entries()) {
    const lower = piece.toLowerCase()
    if (KNOWN.has(lower) || CODE_SET.has(lower) || CODE_SET.has(`${lower}.`)) {
      known++
      continue
    }
    // A region's code after its city: `NY`, `D. C.`, `OR`.
    if (index > 0 && /^(?:\p{Lu}\.?\s?){2,3}$/u.test(piece)) continue
    // A town the list does not know, before a known region: `Ross-on-Wye, UK`, `Mahwah, NJ`, `Timberline, OR`.
    const next = pieces[index + 1]?.toLowerCase()
    const town = piece.split(/[\s-]+/).every((word) => /^\p{Lu}/u.test(word) || SMALL.test(word)) && piece.split(/\s+/).length <= 3
    if (town && next !== undefined && (REGION_SET.has(next) || CODE_SET.has(next) || /^(?:\p{Lu}\.?\s?){2,3}$/u.test(pieces[index + 1]!))) continue
    return false
  }
  return known > 0 || (pieces.length > 1 && /^(?:\p{Lu}\.?\s?){2,3}$/u.test(pieces[pieces.length - 1]!))
}
