// The crisis model's training data, development only (see docs/crisis-detection.md, "The second
// reader"): the development sets A, B and C, the training sets (test/safety/crisis-training/,
// written for the model alone), the retired confirmation sets (D to I), the test phrasings, and
// hard everyday negatives — how people describe the service's own topics (every `peopleSay`
// phrase in seed/) and the judged search queries. The confirmation sets (J and later) and the
// blind-d search queries are never read here.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';
import { loadSeed } from '../../src/seed/load.js';
import { AT_RISK, MENTIONS, ORDINARY } from '../../test/helpers/crisis-phrasings.js';
import { type CrisisSet, DEVELOPMENT_SETS, RETIRED_SETS, TRAINING_SETS } from '../../test/helpers/crisis-sets.js';

/** Where an example comes from; the cross-validation reports false alarms per source. */
export type Source = 'set' | 'training' | 'phrasings' | 'people-say' | 'search';

export interface Example {
  text: string;
  atRisk: boolean;
  /** The detection category (a reason id of detectCrisis) of an at-risk example. */
  category: string | null;
  source: Source;
  /** 0, 1 or 2: set A, B or C and a third of everything else, for cross-validation by set. */
  fold: number;
  /** Speaks of suicide, self-harm or an overdose as a subject: flagged by design. */
  mention?: boolean;
}

/**
 * A hand-written near miss: an ordinary phrasing written to share words with at-risk ones (the
 * sets', the training sets', ORDINARY), like a confirmation set's. Training weighs them more, and
 * the threshold holds their false alarms to their own ceiling.
 */
export const isNearMiss = (e: Example) => !e.atRisk && (e.source === 'set' || e.source === 'training' || e.source === 'phrasings');

/** The sets' own category names, as the reason ids detectCrisis reports. */
const CATEGORY_OF: Record<string, string> = {
  'passive-wish': 'wish-to-be-dead',
  'active-thoughts': 'suicidal-thoughts',
  method: 'method',
  intent: 'intent-or-plan',
  'plan-preparation': 'intent-or-plan',
  hopelessness: 'hopelessness',
  burdensomeness: 'burdensomeness',
  belongingness: 'thwarted-belongingness',
  'self-harm': 'self-harm',
  overdose: 'overdose',
};

/** The judged search sets used as negatives; blind-d is kept out, with set D. */
const SEARCH_SETS = ['queries', 'held-out', 'fresh', 'blind-c'];

const categoryOf = (set: CrisisSet, category: string) => {
  const id = CATEGORY_OF[category];
  if (!id) throw new Error(`${set.name}: unknown category ${category}`);
  return id;
};

/** A set's examples: its at-risk phrasings and its ordinary ones, each in the fold `foldAt` gives. */
function fromSet(set: CrisisSet, source: 'set' | 'training', foldAt: (i: number) => number): Example[] {
  return [
    ...set.atRisk.map((p, i) => ({ text: p.text, atRisk: true, category: categoryOf(set, p.category), source, fold: foldAt(i) })),
    // A topic mention is flagged by design, but the sets' include uses the phrase lists keep out
    // ("suicide squad cast list", "overdosed on netflix"): left out rather than taught either way.
    ...set.ordinary
      .filter((p) => !p.topicMention)
      .map((p, i) => ({ text: p.text, atRisk: false, category: null, source, fold: foldAt(i) })),
  ];
}

/** The development sets, one fold each. */
const fromSets = (): Example[] => DEVELOPMENT_SETS.flatMap((set, fold) => fromSet(set, 'set', () => fold));

/**
 * The training sets and the retired confirmation sets: like the development sets in shape, spread
 * over the three folds.
 */
const fromTraining = (): Example[] => [...TRAINING_SETS, ...RETIRED_SETS].flatMap((set) => fromSet(set, 'training', (i) => i % 3));

function fromPhrasings(): Example[] {
  const atRisk = Object.entries(AT_RISK).flatMap(([category, texts]) => texts.map((text) => ({ text, category })));
  return [
    ...[...atRisk, ...MENTIONS.map(([text, category]) => ({ text, category, mention: true }))].map((p, i) => ({
      ...p,
      atRisk: true,
      source: 'phrasings' as const,
      fold: i % 3,
    })),
    ...ORDINARY.map((text, i) => ({ text, atRisk: false, category: null, source: 'phrasings' as const, fold: i % 3 })),
  ];
}

/** A fold from a stable name, so that adding a record does not move every record after it. */
const foldOf = (name: string) => createHash('sha256').update(name).digest().readUInt32BE(0) % 3;

/** Every peopleSay phrase of every record; a record's phrases share a fold, being alike. */
function fromPeopleSay(): Example[] {
  const seed = loadSeed(resolve(PROJECT_ROOT, 'seed'));
  const records = [...seed.topics, ...Object.values(seed.records).flat()];
  return records.flatMap((record) =>
    (record.data.peopleSay ?? []).map((text) => ({
      text,
      atRisk: false,
      category: null,
      source: 'people-say' as const,
      fold: foldOf(record.file),
    })),
  );
}

function fromSearch(): Example[] {
  return SEARCH_SETS.flatMap((name) => {
    const file = resolve(PROJECT_ROOT, 'test/search-eval', `${name}.json`);
    const { queries } = JSON.parse(readFileSync(file, 'utf8')) as { queries: { q: string }[] };
    return queries.map((query) => query.q);
  }).map((text, i) => ({ text, atRisk: false, category: null, source: 'search' as const, fold: i % 3 }));
}

export function loadExamples(): Example[] {
  return [...fromSets(), ...fromTraining(), ...fromPhrasings(), ...fromPeopleSay(), ...fromSearch()];
}

/** A hash of what the model learns from, recorded with it so a test sees when the data moved on. */
export function hashExamples(examples: readonly Example[]): string {
  const hash = createHash('sha256');
  for (const e of examples) hash.update(`${e.atRisk ? 1 : 0}\t${e.category ?? ''}\t${e.text}\n`);
  return hash.digest('hex').slice(0, 16);
}
