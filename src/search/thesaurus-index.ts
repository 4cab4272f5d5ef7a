import { phraseStems } from './text.js';
import { THESAURUS, type ThesaurusData } from './thesaurus.js';

/** One way a query concept may appear in a record: a stem sequence and how much a match counts. */
export interface Alternative {
  stems: string[];
  weight: number;
}

// How much a match through each kind of entry counts against a match of the words typed.
const FORM_WEIGHT = 0.95;
const SAME_WEIGHT = 0.7;
const NARROWER_WEIGHT = 0.6;

const keyOf = (stems: string[]) => stems.join(' ');

/** The thesaurus keyed by the stems of each phrase, so query spans can be looked up directly. */
export class Thesaurus {
  private readonly byKey = new Map<string, Alternative[]>();
  /** The longest phrase, in stems: no query span longer than this needs looking up. */
  readonly maxSpan: number;

  constructor(data: ThesaurusData = THESAURUS) {
    const link = (from: readonly string[], to: readonly string[], weight: number) => {
      for (const phrase of from) {
        const key = keyOf(phraseStems(phrase));
        const list = this.byKey.get(key) ?? [];
        for (const other of to) {
          const stems = phraseStems(other);
          if (keyOf(stems) === key) continue;
          const existing = list.find((a) => keyOf(a.stems) === keyOf(stems));
          if (existing) existing.weight = Math.max(existing.weight, weight);
          else list.push({ stems, weight });
        }
        this.byKey.set(key, list);
      }
    };
    for (const group of data.forms) link(group, group, FORM_WEIGHT);
    for (const group of data.same) link(group, group, SAME_WEIGHT);
    for (const [from, to] of data.narrower) link(from, to, NARROWER_WEIGHT);
    this.maxSpan = Math.max(1, ...[...this.byKey.keys()].map((k) => k.split(' ').length));
  }

  /** What a phrase (given as stems) also means; empty when the thesaurus does not know it. */
  expand(stems: string[]): Alternative[] {
    return this.byKey.get(keyOf(stems)) ?? [];
  }
}
