/** Optimal-string-alignment distance (Levenshtein plus adjacent swaps), stopping past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** Words of the indexed content, for suggesting a correction to a misspelt query term. */
export class Vocabulary {
  private readonly byLength = new Map<number, { term: string; documents: number }[]>();
  private readonly known = new Set<string>();

  constructor(terms: Iterable<{ term: string; documents: number }>) {
    for (const t of terms) {
      this.known.add(t.term);
      const list = this.byLength.get(t.term.length) ?? [];
      list.push(t);
      this.byLength.set(t.term.length, list);
    }
  }

  has(term: string): boolean {
    return this.known.has(term);
  }

  /** Known words that start with `prefix` (longer than it), most common first. */
  completions(prefix: string, max: number): string[] {
    if (prefix.length < 3) return [];
    const found: { term: string; documents: number }[] = [];
    for (const [length, list] of this.byLength) {
      if (length > prefix.length) for (const t of list) if (t.term.startsWith(prefix)) found.push(t);
    }
    return found
      .sort((a, b) => b.documents - a.documents || a.term.localeCompare(b.term))
      .slice(0, max)
      .map((t) => t.term);
  }

  /** The closest known word (1 edit for short words, 2 for long ones), preferring common words. */
  correct(term: string): string | undefined {
    if (term.length < 4 || this.known.has(term) || /\d/.test(term)) return undefined;
    const max = term.length >= 7 ? 2 : 1;
    let best: { term: string; distance: number; documents: number } | undefined;
    for (let len = term.length - max; len <= term.length + max; len++) {
      for (const candidate of this.byLength.get(len) ?? []) {
        const distance = editDistance(term, candidate.term, max);
        if (distance > max) continue;
        if (!best || distance < best.distance || (distance === best.distance && candidate.documents > best.documents)) {
          best = { term: candidate.term, distance, documents: candidate.documents };
        }
      }
    }
    return best?.term;
  }
}
