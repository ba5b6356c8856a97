/**
 * Whether a name is an organisation's (`World Health Organization`, `UNESCO`,
 * `Centers for Disease Control and Prevention [CDC]`) rather than a title's or
 * a person's: by the words organisations are named with and by acronyms.
 */
// Words that mark an organisation rather than a title.
export const GROUP = /\b(?:Department|Dept|Office|Organi[sz]ation|Organi[sz]ación|Association|Asociación|Institute|Instituto|Institut|Society|Sociedad|Council|Consejo|Agency|Agencia|Bureau|Ministry|Ministerio|Commission|Comisión|Foundation|Fundación|Cent(?:er|re)|Centro|Board|Committee|Service|Administration|Government|Gobierno|Union|Nations|Federation|Bank|Corporation|Inc|Fund|Authority|Academy|Trust|Universit(?:y|ies)|Universidad|School|College|Library|Museum|Network|Alliance|Coalition|Program(?:me)?|Project|Group|Panel|Lab|Laboratory|Statistics|Survey|Partnership|Forum)s?\b/u

export function isGroupName(name: string): boolean {
  return GROUP.test(name) || /^\p{Lu}{2,}(?:\s|$|[.,[(])/u.test(name) || /\[\p{Lu}[\p{Lu}\d&.]+\]|\(\p{Lu}{2,}\)/u.test(name)
}
