// Crisis detection for search queries: does the person typing seem to be at risk of suicide or
// self-harm? When it says yes, the search answer shows all the region's crisis lines first.
//
// Deterministic and explainable, with no model and no network: a query is normalised (see
// normalise) and checked against the phrase patterns of nine categories (crisis-patterns.ts); the
// first category that matches is the reason reported, with the words that matched. It errs
// towards showing help: a false alarm costs a reader one box of phone numbers, a miss can cost
// far more.
//
// The categories follow these sources (details, and what each category rests on, in
// docs/crisis-detection.md; all accessed 2026-12-07):
//   - Columbia Lighthouse Project, "The Columbia Protocol (C-SSRS)", Columbia University,
//     http://cssrs.columbia.edu/scales_cssrs.html (wish to be dead, thoughts, method, intent,
//     plan, preparation).
//   - National Institute of Mental Health, "Ask Suicide-Screening Questions (ASQ) Toolkit",
//     https://www.nimh.nih.gov/labs-at-nimh/asq-toolkit-materials/index.shtml (wishing to be dead;
//     feeling that one's family would be better off if one were dead).
//   - National Institute for Health and Care Excellence, "Self-harm: assessment, management and
//     preventing recurrence" (NICE guideline NG225), 7 September 2022, NCBI Bookshelf copy
//     http://www.ncbi.nlm.nih.gov./books/n/niceng225guid/ (self-harm as self-poisoning or injury).
//   - Substance Abuse and Mental Health Services Administration (SAMHSA, which runs the 988
//     Suicide & Crisis Lifeline), "Help Prevent Suicide", https://www.samhsa.gov/suicide (warning
//     signs: talking about being a burden, feeling trapped, hopeless, no reason to live).
//   - Van Orden KA, Witte TK, Cukrowicz KC, Braithwaite SR, Selby EA, Joiner TE Jr. "The
//     interpersonal theory of suicide". Psychological Review 2010;117(2):575-600,
//     doi:10.1037/a0018697 (perceived burdensomeness, thwarted belongingness).
//   - Manchester University NHS Foundation Trust, CAMHS, "Suicidal thoughts",
//     https://mft.nhs.uk/camhs/advice/suicidal-thoughts (forms suicidal thoughts take).
//   - Mental Health Foundation, "Suicidal thoughts",
//     https://www.mentalhealth.org.uk/explore-mental-health/a-z-topics/suicidal-thoughts
//     (from not wanting to be here to a plan; feeling hopeless or trapped).
// Every category and every phrase pattern has at-risk and ordinary test phrasings in
// test/safety/; docs/crisis-detection.md says how to add one.

import { conceptMatch } from './crisis-concepts.js';
import { modelDetect } from './crisis-model.js';
import { CRISIS_MODEL } from './crisis-model-stored.js';
import { correctTypos } from './crisis-spelling.js';
import { CRISIS_CATEGORIES, type CrisisCategory } from './crisis-patterns.js';

export interface CrisisPattern extends CrisisCategory {
  /** The category's phrases as one expression over normalised text. */
  regex: RegExp;
}

export interface CrisisDetection {
  detected: boolean;
  /** The id of the category that matched, or null. */
  reason: string | null;
  /** The normalised words that matched, or null. */
  matched: string | null;
}

/**
 * One expression for a list of phrases (the rules are in crisis-blocks.ts): a written space may
 * be missing (not the one after a gap of words), a doubled letter may be single, and a match
 * starts and ends at word edges, or right after a glued "i", "im", "ive", "id", "ill" or "me"
 * ("iwanttodie"). An empty phrase (left by an edit) is dropped: it would flag a query of
 * punctuation alone.
 */
export function compile(phrases: readonly string[]): RegExp {
  const source = phrases
    .filter(Boolean)
    .join('|')
    .replace(/([a-z])\1/g, '$1{1,2}')
    // Not after a gap ((?:\s\S+){0,n}?): the word after it starts a word of its own.
    .replace(/(?<!\\S\+\)\{0,\d+\}\??) /g, ' ?');
  return new RegExp(`(?<![^ ])(?:(?:i|im|ive|id|ill|me)(?=[a-z]))?(?:${source})(?![^ ])`);
}

/** Ordered: the first that matches is the reason reported. */
export const CRISIS_PATTERNS: readonly CrisisPattern[] = CRISIS_CATEGORIES.map((category) => ({
  ...category,
  regex: compile(category.phrases),
}));

// Digits typed for letters inside a word ("su1c1de", "k1ll", "d3ad"); "2" stays, it means "to".
const LETTER_FOR: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e' };

/**
 * Lower case; accents, invisible characters and apostrophes removed ("don't" -> "dont"); any
 * other run of punctuation or spaces made one space ("self-harm" -> "self harm"); letters spelled
 * out one by one joined ("d i e" -> "die"); a letter typed three or more times in a row made one
 * ("sooo" -> "so"); digits inside a word read as the letters they stand for. The last three only
 * look at a to z: the phrases are English, and Unicode classes there cost more time than all
 * the matching. Apostrophes are escapes: one non-ASCII character would make the whole bundled
 * source a two-byte string in memory (see scripts/build.mjs).
 */
export function normalise(query: string): string {
  return (
    query
      .normalize('NFKD')
      .toLowerCase()
      // "od'd" would read as "odd" once the apostrophe goes.
      .replace(/(?<![\p{L}\p{N}])od['\u2018\u2019\u02bc`]d(?![\p{L}\p{N}])/gu, 'overdosed')
      .replace(/[\p{M}\p{Cf}'\u2018\u2019\u02bc`]/gu, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .replace(/(?<![^ ])[a-z](?: [a-z](?![^ ])){2,}/g, (letters) => letters.replaceAll(' ', ''))
      .replace(/([a-z])\1{2,}/g, '$1')
      .replace(/(?<=[a-z])[013](?=[a-z])/g, (digit) => LETTER_FOR[digit] ?? digit)
      .trim()
  );
}

// Text-speak and common misspellings, read as the words they stand for (whole words only).
const SPOKEN: Record<string, string> = {
  n: 'and',
  u: 'you',
  ur: 'your',
  r: 'are',
  b: 'be',
  wud: 'would',
  wld: 'would',
  cud: 'could',
  shud: 'should',
  cuz: 'because',
  coz: 'because',
  bc: 'because',
  every1: 'everyone',
  any1: 'anyone',
  some1: 'someone',
  agin: 'again',
  agen: 'again',
  agian: 'again',
  tonite: 'tonight',
  '2nite': 'tonight',
  tn: 'tonight',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  rn: 'right now',
  thru: 'through',
  jus: 'just',
  wat: 'what',
  wats: 'whats',
  ppl: 'people',
  famly: 'family',
  funerel: 'funeral',
  funral: 'funeral',
  ibuprofin: 'ibuprofen',
  wkend: 'weekend',
  nobodyd: 'nobody would',
  noboddy: 'nobody',
  whod: 'who would',
  oded: 'overdosed',
  rite: 'right',
  evry: 'every',
  bettr: 'better',
  nobdy: 'nobody',
  '4ever': 'forever',
  noone: 'no one',
  evryone: 'everyone',
  evrything: 'everything',
  paracetemol: 'paracetamol',
};
// Words ending in "in" that are not a dropped "g" ("goin", "thinkin", "nothin").
const NOT_DROPPED_G = new Set([
  'skin',
  'shin',
  'chin',
  'thin',
  'twin',
  'spin',
  'grin',
  'akin',
  'coin',
  'join',
  'within',
  'begin',
  'cousin',
  'margin',
  'origin',
  'basin',
  'cabin',
  'robin',
  'satin',
  'coffin',
  'violin',
  'muffin',
  'pumpkin',
  'napkin',
  'login',
  'admin',
  'latin',
  'toxin',
  'resin',
  'raisin',
  'vitamin',
  'insulin',
  'heroin',
  'aspirin',
  'melatonin',
  'serotonin',
]);

/** The query in plain spelling: text-speak expanded, a dropped final "g" restored. */
function spelledOut(text: string): string {
  return text.replace(/[a-z0-9]+/g, (word) => {
    const spoken = SPOKEN[word];
    if (spoken) return spoken;
    return word.length >= 4 && /[^aeiu]in$/.test(word) && !NOT_DROPPED_G.has(word) ? `${word}g` : word;
  });
}

// Someone else, told in the third person, read as if they wrote it themselves: a parent or friend
// reporting what someone said ("she says she wishes she was dead") is as urgent as the words
// themselves. Verbs after "i" lose the third person's "s".
const FIRST_PERSON: Record<string, string> = {
  he: 'i',
  she: 'i',
  they: 'i',
  him: 'me',
  them: 'me',
  his: 'my',
  their: 'my',
  himself: 'myself',
  herself: 'myself',
  themselves: 'myself',
  themself: 'myself',
  hes: 'im',
  shes: 'im',
  theyre: 'im',
  hed: 'id',
  shed: 'id',
  theyd: 'id',
  hell: 'ill',
  shell: 'ill',
  theyll: 'ill',
};

function asFirstPerson(text: string): string {
  return text
    .replace(/(?<![^ ])her(?=$| (?:now|away|home|too|again|already|tonight|soon|please|instead|any more|anymore)(?![^ ]))/g, 'me')
    .replace(/(?<![^ ])her(?= [a-z])/g, 'my')
    .replace(/[a-z]+/g, (word) => FIRST_PERSON[word] ?? word)
    .replace(/(?<![^ ])i (?:is|s)(?![^ ])/g, 'i m')
    .replace(/(?<![^ ])i (wishe|want|hope|pray|think|feel|say|keep|need|cut|burn|hurt|hit|hate|plan|talk)s(?![^ ])/g, 'i $1')
    .replace(/(?<![^ ])i wishe(?![^ ])/g, 'i wish')
    .replace(
      /(?<![^ ])i (has|does|doesnt)(?![^ ])/g,
      (_m, verb: string) => `i ${verb === 'has' ? 'have' : verb === 'does' ? 'do' : 'dont'}`,
    );
}

/**
 * The ways a normalised query is read: as typed, in plain spelling (text-speak expanded, typos in
 * the words risk is said with corrected), and that in the first person. Each reading is checked
 * against the same phrases, so a phrase is written once.
 */
export function readings(text: string): string[] {
  const plain = correctTypos(spelledOut(text));
  const first = asFirstPerson(plain);
  return [...new Set([text, plain, first])];
}

const NOT_DETECTED: CrisisDetection = { detected: false, reason: null, matched: null };

/** The first reader: every category's phrases, in each reading, then the concept rules. */
function readPhrases(texts: readonly string[]): CrisisDetection | null {
  for (const pattern of CRISIS_PATTERNS) {
    for (const text of texts) {
      const match = pattern.regex.exec(text);
      if (match) return { detected: true, reason: pattern.id, matched: match[0] };
    }
  }
  for (const text of texts) {
    const found = conceptMatch(text);
    if (found) return { detected: true, reason: found.id, matched: found.matched };
  }
  return null;
}

/** The phrases alone (each category's, in each reading, then the concept rules): for evaluation. */
export function detectByPhrases(query: string): CrisisDetection {
  return readPhrases(readings(normalise(query))) ?? NOT_DETECTED;
}

/**
 * What search and the API use: the phrases first, then the model (crisis-model.ts), which may add
 * a detection the phrases missed (docs/crisis-detection.md, "The second reader", has what each
 * adds on the confirmation sets). A single word is the phrases' alone to judge: in the development
 * and training data the model never found a one-word phrasing the phrases missed, and a lone word
 * ("burden") carries too little for a model of words to weigh.
 */
export function detectCrisis(query: string): CrisisDetection {
  const normalised = normalise(query);
  const texts = readings(normalised);
  const byPhrase = readPhrases(texts);
  if (byPhrase) return byPhrase;
  if (!normalised.includes(' ')) return NOT_DETECTED;
  const byModel = modelDetect(CRISIS_MODEL, texts);
  return byModel ? { detected: true, reason: byModel.reason, matched: byModel.matched } : NOT_DETECTED;
}
