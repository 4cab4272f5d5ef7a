// Running sums of one search, per record (engine.ts). A store holds a few hundred records and a
// query a few concepts, so the sums live in arrays indexed by record: a search then makes a
// handful of arrays rather than an object per record and concept.

// Plain arrays of doubles: for a few hundred entries, cheaper to make per search than typed arrays,
// each of which allocates a backing store of its own.
const zeros = (length: number): number[] => new Array<number>(length).fill(0);

/** Records met so far, in the order first met. */
class RecordsMet {
  readonly docs: number[] = [];
  private readonly seen: boolean[];

  constructor(records: number) {
    this.seen = new Array<boolean>(records).fill(false);
  }

  has(doc: number): boolean {
    return this.seen[doc] === true;
  }

  add(doc: number): void {
    if (this.seen[doc]) return;
    this.seen[doc] = true;
    this.docs.push(doc);
  }
}

/**
 * One concept's matches: the records it matches, and per record its term frequency per field
 * (record d's field i at d × fields + i) and its best alternative's weight.
 */
export class ConceptMatches extends RecordsMet {
  readonly tf: number[];
  readonly weight: number[];

  constructor(records: number, fields: number) {
    super(records);
    this.tf = zeros(records * fields);
    this.weight = zeros(records);
  }
}

/** Per record, the running sums of a search: its score, the idf it matches, and the idf it matches in its title or keywords. */
export class Totals extends RecordsMet {
  readonly score: number[];
  readonly matched: number[];
  readonly named: number[];

  constructor(records: number) {
    super(records);
    this.score = zeros(records);
    this.matched = zeros(records);
    this.named = zeros(records);
  }
}
