import { readFileSync, readdirSync } from 'node:fs';

// The crisis-detection evaluation sets (test/safety/crisis-sets/*.json): who wrote each, when, and
// whether it is a development set or the confirmation set.

export interface CrisisSet {
  name: string;
  written: string;
  author: string;
  role: string;
  atRisk: { text: string; category: string; form: string }[];
  /** `topicMention`: speaks of suicide, self-harm or an overdose as a subject, which is flagged by design. */
  ordinary: { text: string; sharesWordsWith?: string; topicMention?: boolean }[];
}

const DIR = new URL('../safety/crisis-sets/', import.meta.url);

export const CRISIS_SETS: readonly CrisisSet[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as CrisisSet);

export const DEVELOPMENT_SETS = CRISIS_SETS.filter((s) => s.role === 'development');
