// Typos in the words risk is said with ("suicidle", "stockpilng", "swalowed", "nobdy"), read as
// those words. Only these words are corrected, and only a word that is not itself one of them:
// the phrases then read the query as if it were spelt right. A correction can only complete a
// phrase, which still needs its other words, so a near miss of an everyday word ("bride" for
// "bridge") does not flag a query on its own.

import { editDistance } from '../search/typo.js';

/**
 * The words crisis phrases are built on. Only typed words of six letters or more are corrected:
 * shorter ones have too many everyday neighbours ("noise" is one letter from "noose").
 */
export const RISK_WORDS: readonly string[] = [
  'suicide',
  'suicidal',
  'overdose',
  'overdosed',
  'overdosing',
  'stockpiling',
  'stockpiled',
  'hoarding',
  'swallow',
  'swallowed',
  'prescription',
  'tablets',
  'pills',
  'paracetamol',
  'ibuprofen',
  'painkillers',
  'sleeping',
  'exist',
  'existing',
  'existence',
  'alive',
  'living',
  'nobody',
  'anyone',
  'anybody',
  'someone',
  'everyone',
  'everybody',
  'everything',
  'every',
  'tonight',
  'tomorrow',
  'weekend',
  'anymore',
  'disappear',
  'disappeared',
  'forever',
  'permanently',
  'goodbye',
  'funeral',
  'myself',
  'himself',
  'herself',
  'yourself',
  'would',
  'could',
  'should',
  'wanna',
  'notice',
  'noticed',
  'stitches',
  'bleeding',
  'wrists',
  'razor',
  'blades',
  'hanging',
  'killing',
  'ending',
  'survive',
  'painless',
  'lethal',
  'fatal',
  'burden',
  'worthless',
  'hopeless',
  'pointless',
  'relapse',
  'relapsed',
  'cutting',
  'burning',
  'scratching',
  'waking',
  'deserve',
  'better',
  'without',
  'because',
  'through',
  'again',
  'tired',
  'enough',
  'cabinet',
  'bottle',
  'bridge',
  'building',
  'jumping',
  'planning',
  'decided',
  'letter',
  'letters',
  'disappointed',
];

// Everyday words one edit from a risk word (with its first letter, six letters or more): never corrected.
const EVERYDAY = ['overdone', 'overdoes', 'swallows', 'bitter', 'butter', 'batter', 'planting', 'decides', 'bridges', 'tablet'];
const KNOWN = new Set([...RISK_WORDS, ...EVERYDAY]);
const byLength = new Map<number, string[]>();
for (const word of RISK_WORDS) byLength.set(word.length, [...(byLength.get(word.length) ?? []), word]);

/** The risk word a typed word is a typo of (one edit; two for words of ten letters or more), if any. */
export function riskWordFor(word: string): string | undefined {
  if (word.length < 6 || KNOWN.has(word) || /\d/.test(word)) return undefined;
  const max = word.length >= 10 ? 2 : 1;
  for (let length = word.length - max; length <= word.length + max; length++) {
    for (const candidate of byLength.get(length) ?? []) {
      // The first letter is kept: typos rarely change it, and it keeps "bride" from "pride" and the like apart.
      if (candidate[0] === word[0] && editDistance(word, candidate, max) <= max) return candidate;
    }
  }
  return undefined;
}

/** The query with every typo of a risk word corrected. */
export function correctTypos(text: string): string {
  return text.replace(/[a-z]+/g, (word) => riskWordFor(word) ?? word);
}
