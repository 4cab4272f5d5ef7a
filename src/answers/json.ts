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

/**
 * Appends the JSON of one item of `data` to `out`, as bytes: a kept object's kept bytes, a search
 * hit's base bytes (without its closing brace) and then its own fields; anything else as
 * JSON.stringify writes it in an array (null for what JSON cannot hold, such as undefined).
 */
function writeItem(value: unknown, out: Buffer[]): void {
  // Only hits on a kept base are ever recorded (see extendKept).
  const extension = extensions.get(value as object);
  if (extension) {
    const base = keptBytes(extension.base);
    const extra = JSON.stringify(extension.extra);
    // Two bytes of JSON object can only be "{}".
    if (extra === '{}') out.push(base);
    else if (base.length === 2) out.push(Buffer.from(extra));
    else out.push(base.subarray(0, -1), Buffer.from(`,${extra.slice(1)}`));
    return;
  }
  // Objects made for one answer are written as they are: keeping them would only cost a map
  // entry each. (WeakSet.has is false for null and primitives too.)
  if (kept.has(value as object)) out.push(keptBytes(value as object));
  else out.push(Buffer.from((JSON.stringify(value) as string | undefined) ?? 'null'));
}

const COMMA = Buffer.from(',');

/**
 * The bytes of `JSON.stringify(payload)` for the `{ data, meta, links }` envelope every content
 * answer has, with each item of `data` spliced in from its kept JSON; any other shape is
 * serialised as it is (a string, which the answer encodes).
 */
export function envelopeJson(payload: unknown): string | Buffer {
  if (payload === null || typeof payload !== 'object') return JSON.stringify(payload);
  const keys = Object.keys(payload);
  if (keys.length !== 3 || keys[0] !== 'data' || keys[1] !== 'meta' || keys[2] !== 'links') return JSON.stringify(payload);
  const { data, meta, links } = payload as { data: unknown; meta: unknown; links: unknown };
  // JSON leaves out a key whose value it cannot hold; no answer has such data.
  if (data === undefined) return JSON.stringify(payload);
  const list = Array.isArray(data);
  const out = [Buffer.from(list ? '{"data":[' : '{"data":')];
  if (list)
    data.forEach((item, i) => {
      if (i > 0) out.push(COMMA);
      writeItem(item, out);
    });
  else writeItem(data, out);
  out.push(Buffer.from(`${list ? ']' : ''},"meta":${JSON.stringify(meta)},"links":${JSON.stringify(links)}}`));
  return Buffer.concat(out);
}
