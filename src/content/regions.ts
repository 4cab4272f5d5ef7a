// ISO 3166-1 alpha-2 codes officially assigned (249). Kept as data rather than asked of Intl,
// which also names codes that are not countries in the standard (UK, EU, XK).
const ASSIGNED =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
  'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
  'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW';

export const REGION_CODES: ReadonlySet<string> = new Set(ASSIGNED.split(' '));

// What people and systems commonly send for a country instead of its alpha-2 code. UK is what
// most people type for the United Kingdom (ISO reserves it for the UK, but the assigned code is
// GB); the UK's nations, alpha-3 codes and English names of the countries whose help the
// directory holds are here too. Matched in any case, spaces and hyphens alike.
const ALIASES: Readonly<Record<string, string>> = {
  UK: 'GB',
  GBR: 'GB',
  'GB ENG': 'GB',
  'GB SCT': 'GB',
  'GB WLS': 'GB',
  'GB NIR': 'GB',
  'UNITED KINGDOM': 'GB',
  'GREAT BRITAIN': 'GB',
  BRITAIN: 'GB',
  ENGLAND: 'GB',
  SCOTLAND: 'GB',
  WALES: 'GB',
  'NORTHERN IRELAND': 'GB',
  USA: 'US',
  'UNITED STATES': 'US',
  'UNITED STATES OF AMERICA': 'US',
  CAN: 'CA',
  CANADA: 'CA',
  IRL: 'IE',
  IRELAND: 'IE',
  'REPUBLIC OF IRELAND': 'IE',
  EIRE: 'IE',
  AUS: 'AU',
  AUSTRALIA: 'AU',
  NZL: 'NZ',
  'NEW ZEALAND': 'NZ',
  AOTEAROA: 'NZ',
};

/**
 * The assigned ISO 3166-1 alpha-2 code a value names: the code itself in any case (`gb`), a
 * well-known alias (`UK`, `GBR`, `United Kingdom`, `GB-SCT`), or the region of a language tag
 * (`en-GB`); undefined for anything else.
 */
export function regionCodeOf(value: string): string | undefined {
  const key = value
    .trim()
    .toUpperCase()
    .replace(/[\s_-]+/g, ' ');
  if (REGION_CODES.has(key)) return key;
  const alias = ALIASES[key];
  if (alias) return alias;
  // A language tag with a region subtag: en-GB, pt-BR, zh-Hant-TW.
  const subtag = /^[A-Z]{2,3}(?: [A-Z]{4})? ([A-Z]{2})$/.exec(key)?.[1];
  return subtag === undefined ? undefined : regionCodeOf(subtag);
}
