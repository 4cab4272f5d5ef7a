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
 * shared with every answer listing the same records, and the runs of text of its own in between.
 * A kept page then holds only what is its own (a tenth of a search page), and its bytes are put
 * together each time they are sent: in one allocation, the text encoded straight into it.
 */
export class Spliced {
  constructor(
    /** Kept JSON, or a run of the answer's own text. */
    private readonly pieces: readonly (Buffer | string)[],
    /** Bytes each piece gives: taken from the start of kept JSON (a hit's base loses its closing brace), or its text's UTF-8. */
    private readonly lengths: readonly number[],
    readonly byteLength: number,
  ) {}

  /** Bytes this answer holds alone: its own text (as V8 holds it, up to two bytes a character) and its pieces' bookkeeping. */
  get ownBytes(): number {
    let bytes = this.pieces.length * PIECE_BYTES;
    for (const piece of this.pieces) if (typeof piece === 'string') bytes += piece.length * 2;
    return bytes;
  }

  /** The answer's bytes, made afresh. */
  bytes(): Buffer {
    const out = Buffer.allocUnsafe(this.byteLength);
    let at = 0;
    for (let i = 0; i < this.pieces.length; i++) {
      const piece = this.pieces[i];
      // Hot loop: one length per piece, so the read is in range.
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- in range, as said above
      const length = this.lengths[i]!;
      if (typeof piece === 'string') out.write(piece, at, length);
      else piece?.copy(out, at, 0, length);
      at += length;
    }
    return out;
  }
}

/** Collects an envelope's pieces: kept JSON by reference, text of its own in runs. */
class Splicer {
  private readonly pieces: (Buffer | string)[] = [];
  private readonly lengths: number[] = [];
  /** The run of text being written (text after text is one piece). */
  private run: string[] = [];
  private length = 0;

  kept(bytes: Buffer, length = bytes.length): void {
    this.endRun();
    this.pieces.push(bytes);
    this.lengths.push(length);
    this.length += length;
  }

  text(text: string): void {
    this.run.push(text);
  }

  /** Pieces when some JSON is kept; otherwise just the bytes. */
  done(): Buffer | Spliced {
    this.endRun();
    if (this.pieces.length === 1 && typeof this.pieces[0] === 'string') {
      // Not from Node's shared pool: a kept answer's few bytes would hold on to a whole 8 kB slab.
      const bytes = Buffer.allocUnsafeSlow(this.length);
      bytes.write(this.pieces[0]);
      return bytes;
    }
    return new Spliced(this.pieces, this.lengths, this.length);
  }

  private endRun(): void {
    if (this.run.length === 0) return;
    const text = this.run.join('');
    const length = Buffer.byteLength(text);
    this.pieces.push(text);
    this.lengths.push(length);
    this.length += length;
    this.run = [];
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
