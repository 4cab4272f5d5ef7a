import { readFileSync, readdirSync } from 'node:fs';

// The crisis-detection evaluation sets (test/safety/crisis-sets/*.json): who wrote each, when, and
// whether it is a development set, a confirmation set or a retired confirmation set.

export interface CrisisSet {
  name: string;
  written: string;
  author: string;
  role: string;
  atRisk: { text: string; category: string; form: string }[];
  /** `topicMention`: speaks of suicide, self-harm or an overdose as a subject, which is flagged by design. */
  ordinary: { text: string; sharesWordsWith?: string; topicMention?: boolean }[];
}

const readSets = (dir: URL): CrisisSet[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as CrisisSet);

export const CRISIS_SETS: readonly CrisisSet[] = readSets(new URL('../safety/crisis-sets/', import.meta.url));

/**
 * Phrasings written for the crisis model to learn from (role "training"), by helpers who saw
 * neither the patterns nor any evaluation set; never used to measure.
 */
export const TRAINING_SETS: readonly CrisisSet[] = readSets(new URL('../safety/crisis-training/', import.meta.url));

export const DEVELOPMENT_SETS = CRISIS_SETS.filter((s) => s.role === 'development');

/**
 * Confirmation sets measured in their turn and then given to the model to learn from, once newer
 * confirmation sets had taken their place; the phrases were never changed from them.
 */
export const RETIRED_SETS = CRISIS_SETS.filter((s) => s.role.startsWith('retired confirmation'));
