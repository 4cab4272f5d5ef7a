// JSON for answers. A page of records is mostly the JSON of the records it lists, and the
// snapshot presents each record once: its JSON is written then, as UTF-8 bytes kept beside it,
// and copied into every page that lists it. A page is assembled from bytes, so no answer's text
// is serialised, measured or encoded again per request (text with any character beyond Latin-1,
// a curly quote, is held by V8 in two bytes a character and re-encoded at every write).

// Buffer.from writes UTF-8 unless told otherwise.
const bytesOf = (text: string) => Buffer.from(text);

/** A value presented once per snapshot, with its JSON, written once. */
export class Presented<T> {
  /** The value's JSON as UTF-8. */
  readonly json: Buffer;
  constructor(readonly value: T) {
    this.json = bytesOf(JSON.stringify(value));
  }
}

/**
 * A presented value with a few fields of its own (a search hit: its record's brief, plus a score
 * and a snippet), written as the presented JSON with those fields after it: the same JSON as
 * `{ ...base.value, ...extra }`. `extra` never repeats a field of the base, and its names are not
 * integer-like (which JavaScript would order first).
 */
export class Extended<T, E extends object> {
  constructor(
    readonly base: Presented<T>,
    readonly extra: E,
  ) {}
}

/** An item of an answer's `data`: presented, presented with fields of its own, or a plain value. */
export type Item<T> = Presented<T> | Extended<T, object> | T;

const COMMA = bytesOf(',');

/**
 * The JSON of one item, as JSON.stringify writes an array element (`null` for what JSON cannot
 * hold), as the byte ranges to copy in turn.
 */
function itemParts(item: unknown, parts: Buffer[]): void {
  if (item instanceof Presented) {
    parts.push(item.json);
    return;
  }
  if (item instanceof Extended) {
    const base = item.base.json;
    const extra = JSON.stringify(item.extra);
    // Both are objects: their JSON is "{…}", and two characters of it can only be "{}".
    if (extra === '{}') parts.push(base);
    else if (base.byteLength === 2) parts.push(bytesOf(extra));
    else parts.push(base.subarray(0, -1), COMMA, bytesOf(extra.slice(1)));
    return;
  }
  parts.push(bytesOf(JSON.stringify(item) ?? 'null'));
}

/** Copies `parts` into one buffer of their own (outside Node's shared pool: an answer may be kept). */
function joined(parts: readonly Buffer[]): Buffer {
  let length = 0;
  for (const part of parts) length += part.byteLength;
  const out = Buffer.allocUnsafeSlow(length);
  let at = 0;
  for (const part of parts) at += part.copy(out, at);
  return out;
}

/** An answer envelope: `data` (one item or a list), `meta` and `links`, in that order. */
export interface Envelope<D> {
  data: D;
  meta: unknown;
  links: object;
}

const DATA = bytesOf('{"data":');
const OPEN = bytesOf('[');
const CLOSE = bytesOf(']');
const META = bytesOf(',"meta":');

/** The JSON of an envelope whose items (and meta) may be presented ones, as UTF-8. */
export function envelopeJson({ data, meta, links }: Envelope<unknown>): Buffer {
  const parts: Buffer[] = [DATA];
  if (Array.isArray(data)) {
    parts.push(OPEN);
    data.forEach((item, i) => {
      if (i > 0) parts.push(COMMA);
      itemParts(item, parts);
    });
    parts.push(CLOSE);
  } else itemParts(data, parts);
  parts.push(META);
  itemParts(meta, parts);
  parts.push(bytesOf(`,"links":${JSON.stringify(links)}}`));
  return joined(parts);
}
