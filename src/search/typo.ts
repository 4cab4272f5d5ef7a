// Two rows of the dynamic programme (plus one for adjacent swaps), reused across calls: spelling
// correction runs over thousands of candidates per word and must not allocate for each.
let rows: [Uint16Array, Uint16Array, Uint16Array] = [new Uint16Array(0), new Uint16Array(0), new Uint16Array(0)];

/** Optimal-string-alignment distance (Levenshtein plus adjacent swaps), stopping past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rows[0].length < b.length + 1) rows = [new Uint16Array(b.length + 1), new Uint16Array(b.length + 1), new Uint16Array(b.length + 1)];
  let [twoBack, previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      // The hot loop: every row holds at least b.length + 1 cells and 0 <= j - 2 < j <= b.length,
      // so each read is in range; a check or fallback per cell would only slow it down.
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- in range, as said above
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- in range, as said above
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, twoBack[j - 2]! + 1);
      current[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  // The rows hold at least b.length + 1 cells; past the end would mean "not within max".
  return previous[b.length] ?? max + 1;
}

/** Words of the indexed content, for suggesting a correction to a misspelt query term. */
export class Vocabulary {
  private readonly byLength = new Map<number, { term: string; documents: number }[]>();
  private readonly known = new Set<string>();
  /** In code-unit order, so the words sharing a prefix are one run, found by binary search. */
  private readonly sorted: { term: string; documents: number }[] = [];

  constructor(terms: Iterable<{ term: string; documents: number }>) {
    for (const t of terms) {
      this.known.add(t.term);
      const list = this.byLength.get(t.term.length) ?? [];
      list.push(t);
      this.byLength.set(t.term.length, list);
      this.sorted.push(t);
    }
    this.sorted.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  }

  has(term: string): boolean {
    return this.known.has(term);
  }

  /** Known words that start with `prefix` (longer than it), most common first. */
  completions(prefix: string, max: number): string[] {
    if (prefix.length < 3) return [];
    // The first word not before the prefix; the run of words starting with it begins there.
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- 0 <= middle < length
      if (this.sorted[middle]!.term < prefix) low = middle + 1;
      else high = middle;
    }
    const found: { term: string; documents: number }[] = [];
    for (let i = low; i < this.sorted.length; i++) {
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- i < length
      const t = this.sorted[i]!;
      if (!t.term.startsWith(prefix)) break;
      if (t.term.length > prefix.length) found.push(t);
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
