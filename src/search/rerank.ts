import type { Scored } from './engine.js';
import type { IntentRule } from './intent.js';

// The second stage of ranking, after the words have been scored (engine.ts): what the query asks
// for (its intent, intent.ts) favours the types of record that answer that kind of request, raises
// the records written for it and lifts the best few found of its types; and a context
// (a situation: after a death, at work, a new baby) counts fully only when the query names its
// situation. Nothing is removed: a record the words found stays, whatever its new place.
//
// Tried and left out: passing a share of the best matches' scores on to the records the editors
// link from them ("related"). It moved blind set C by ±0.01 and cost keyword and clinical queries.

/** What the second stage needs to know of each record of the index. */
export interface RecordFacts {
  type: string;
  /** `type:facet` for a record with a facet an intent may favour (a sign's kind), else null. */
  facet: string | null;
}

// A context that only shares the query's feelings ("numb", "alone"), not its situation, is a
// weaker answer than the records about those feelings.
const SITUATION_UNNAMED = 0.7;

export interface Rerank {
  rule: IntentRule | null;
  facts: readonly RecordFacts[];
  /** Records by type/slug, for the records an intent raises. */
  byId: ReadonlyMap<string, number>;
  allowed?: (doc: number) => boolean;
}

/** The scored records in their final order (the list and its entries are the caller's to change). */
export function rerank(scored: Scored[], { rule, facts, byId, allowed }: Rerank): Scored[] {
  let best = 0;
  for (const s of scored) {
    const f = facts[s.doc];
    const favour = rule && f ? (rule.favour[f.type] ?? 0) + (f.facet ? (rule.favour[f.facet] ?? 0) : 0) : 0;
    const situation = f?.type === 'context' && s.named === 0 ? SITUATION_UNNAMED : 1;
    s.score *= (1 + favour) * situation;
    if (s.score > best) best = s.score;
  }
  if (!rule) return scored.sort(byScore);
  // The best score is the unit of a raise, so that a raise means the same for a query that
  // matches strongly and for one that barely matches; with no match at all, 1.
  const unit = best || 1;
  if (rule.lift) lift(scored, facts, rule.lift, unit);
  for (const [id, share] of Object.entries(rule.raise)) {
    const doc = byId.get(id);
    if (doc === undefined || (allowed && !allowed(doc))) continue;
    const s = scored.find((x) => x.doc === doc);
    if (s) s.score += share * unit;
    else scored.push({ doc, score: share * unit, coverage: 0, named: 0 });
  }
  return scored.sort(byScore);
}

/** Adds `share` of the unit to the best `count` records (by score) of the given types. */
function lift(scored: Scored[], facts: readonly RecordFacts[], { types, count, share }: NonNullable<IntentRule['lift']>, unit: number) {
  const chosen: Scored[] = [];
  for (const s of scored) {
    if (!types.includes(facts[s.doc]?.type ?? '')) continue;
    chosen.push(s);
    chosen.sort(byScore);
    if (chosen.length > count) chosen.pop();
  }
  for (const s of chosen) s.score += share * unit;
}

const byScore = (a: Scored, b: Scored) => b.score - a.score || a.doc - b.doc;
