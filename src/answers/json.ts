// JSON for answers, reusing what the store already holds: a presented record is the same object
// for as long as its store is open (the presenter keeps it and marks it with keepJson), so its
// JSON is written once, as bytes, and every page that lists it splices those bytes in instead of
// serialising and encoding the record again.

const kept = new WeakSet<object>();
// As UTF-8 bytes: an answer is bytes in the end, and splicing bytes spares encoding every kept
// record again for every page that lists it.
const written = new WeakMap<object, Buffer>();

/** The kept JSON of `value` (which must be kept), written the first time it is asked for. */
function keptBytes(value: object): Buffer {
  let bytes = written.get(value);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(value));
    written.set(value, bytes);
  }
  return bytes;
}

/** Marks an object that stays the same while its store is open: its JSON is then written once. */
export function keepJson(value: object): void {
  kept.add(value);
}

/** Objects made for one answer from a kept one plus a few fields of their own (a search hit). */
const extensions = new WeakMap<object, { base: object; extra: object }>();

/**
 * `{ ...base, ...extra }`, whose JSON is then the kept JSON of `base` with `extra`'s written after
 * it: a search hit is its record's brief plus a score and a snippet, and only those two are
 * serialised per answer. `extra` must not repeat a field of `base` (the spread would then move
 * it); such a pair is written in full.
 */
export function extendKept<B extends object, E extends object>(base: B, extra: E): B & E {
  const value = { ...base, ...extra };
  if (kept.has(base) && !Object.keys(extra).some((key) => key in base)) extensions.set(value, { base, extra });
  return value;
}

// What a piece costs besides its bytes: its slots in the two lists.
const PIECE_BYTES = 16;

/**
 * An answer's bytes in pieces: the kept JSON it splices in, which belongs to the store and is
 * shared with every answer listing the same records, and its own text in between, held once. A
 * kept page then holds only what is its own (a fifth of a search page), and its bytes are put
 * together each time they are sent.
 */
export class Spliced {
  constructor(
    /** Kept JSON, or undefined where the next run of `own` comes. */
    private readonly sources: readonly (Buffer | undefined)[],
    /** Bytes taken from the start of each source (a hit's base loses its closing brace). */
    private readonly lengths: readonly number[],
    private readonly own: Buffer,
    readonly byteLength: number,
  ) {}

  /** Bytes this answer holds alone: its own text and the bookkeeping of its pieces. */
  get ownBytes(): number {
    return this.own.byteLength + this.sources.length * PIECE_BYTES;
  }

  /** Each piece in order, as views (for hashing without putting the bytes together). */
  forEach(visit: (piece: Buffer) => void): void {
    let ownAt = 0;
    this.sources.forEach((source, i) => {
      // One length per source, so this read is in range.
      const length = this.lengths[i] ?? 0;
      if (source) visit(source.subarray(0, length));
      else visit(this.own.subarray(ownAt, (ownAt += length)));
    });
  }

  /** The answer's bytes, made afresh. */
  bytes(): Buffer {
    const out = Buffer.allocUnsafe(this.byteLength);
    let at = 0;
    let ownAt = 0;
    for (let i = 0; i < this.sources.length; i++) {
      const source = this.sources[i];
      // Hot loop: one length per source, so the read is in range.
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- in range, as said above
      const length = this.lengths[i]!;
      if (source) source.copy(out, at, 0, length);
      else ownAt += this.own.copy(out, at, ownAt, ownAt + length);
      at += length;
    }
    return out;
  }
}

/** Collects an envelope's pieces: kept JSON by reference, text of its own encoded once at the end. */
class Splicer {
  private readonly sources: (Buffer | undefined)[] = [];
  private readonly lengths: number[] = [];
  private readonly texts: string[] = [];
  private ownLength = 0;
  private length = 0;
  private shares = false;

  kept(bytes: Buffer, length = bytes.length): void {
    this.sources.push(bytes);
    this.lengths.push(length);
    this.length += length;
    this.shares = true;
  }

  text(text: string): void {
    const length = Buffer.byteLength(text);
    this.texts.push(text);
    this.ownLength += length;
    this.length += length;
    const last = this.sources.length - 1;
    // Text after text is one run.
    if (last >= 0 && this.sources[last] === undefined) this.lengths[last] = (this.lengths[last] ?? 0) + length;
    else {
      this.sources.push(undefined);
      this.lengths.push(length);
    }
  }

  /** Pieces when some JSON is kept; otherwise just the bytes. */
  done(): Buffer | Spliced {
    // Not from Node's shared pool: a kept answer's few bytes would hold on to a whole 8 kB slab.
    const own = Buffer.allocUnsafeSlow(this.ownLength);
    let at = 0;
    for (const text of this.texts) at += own.write(text, at);
    return this.shares ? new Spliced(this.sources, this.lengths, own, this.length) : own;
  }
}

/**
 * Adds the JSON of one item of `data`: a kept object's kept bytes, a search hit's base bytes
 * (without their closing brace) and then its own fields; anything else as JSON.stringify writes
 * it in an array (null for what JSON cannot hold, such as undefined).
 */
function writeItem(value: unknown, out: Splicer): void {
  // Only hits on a kept base are ever recorded (see extendKept).
  const extension = extensions.get(value as object);
  if (extension) {
    const base = keptBytes(extension.base);
    const extra = JSON.stringify(extension.extra);
    // Two bytes of JSON object can only be "{}".
    if (extra === '{}') out.kept(base);
    else if (base.length === 2) out.text(extra);
    else {
      out.kept(base, base.length - 1);
      out.text(`,${extra.slice(1)}`);
    }
    return;
  }
  // Objects made for one answer are written as they are: keeping them would only cost a map
  // entry each. (WeakSet.has is false for null and primitives too.)
  if (kept.has(value as object)) out.kept(keptBytes(value as object));
  else out.text(JSON.stringify(value) ?? 'null');
}

/**
 * The bytes of `JSON.stringify(payload)` for the `{ data, meta, links }` envelope every content
 * answer has, with each item of `data` spliced in from its kept JSON (as pieces, see Spliced);
 * any other shape is serialised as it is (a string, which the answer encodes).
 */
export function envelopeJson(payload: unknown): string | Buffer | Spliced {
  if (payload === null || typeof payload !== 'object') return JSON.stringify(payload);
  const keys = Object.keys(payload);
  if (keys.length !== 3 || keys[0] !== 'data' || keys[1] !== 'meta' || keys[2] !== 'links') return JSON.stringify(payload);
  const { data, meta, links } = payload as { data: unknown; meta: unknown; links: unknown };
  // JSON leaves out a key whose value it cannot hold; no answer has such data.
  if (data === undefined) return JSON.stringify(payload);
  const list = Array.isArray(data);
  const out = new Splicer();
  out.text(list ? '{"data":[' : '{"data":');
  if (list)
    data.forEach((item, i) => {
      if (i > 0) out.text(',');
      writeItem(item, out);
    });
  else writeItem(data, out);
  out.text(`${list ? ']' : ''},"meta":${JSON.stringify(meta)},"links":${JSON.stringify(links)}}`);
  return out.done();
}
