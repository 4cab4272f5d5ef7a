// JSON for answers, reusing what the store already holds: a presented record is the same object
// for as long as its store is open (the presenter keeps it and marks it with keepJson), so its
// JSON is written once and every page that lists it splices that text in instead of serialising
// the record again.

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

function jsonOf(value: unknown): string {
  const extension = extensions.get(value as object);
  if (extension) {
    const base = jsonOf(extension.base);
    const extra = JSON.stringify(extension.extra);
    if (extra === '{}') return base;
    if (base === '{}') return extra;
    return `${base.slice(0, -1)},${extra.slice(1)}`;
  }
  // Objects made for one answer (search hits, say) are written as they are: remembering them
  // would only cost a map entry each. (WeakSet.has is false for null and primitives too.)
  if (!kept.has(value as object)) return JSON.stringify(value);
  return keptBytes(value as object).toString();
}

/**
 * Appends the JSON of one item of `data` to `out`, as bytes: a kept object's kept bytes, a search
 * hit's base bytes (without its closing brace) and then its own fields; anything else as
 * `jsonOf` writes it. Nothing for a value JSON cannot write (undefined), as `join` would.
 */
function writeItem(value: unknown, out: Buffer[]): void {
  const extension = extensions.get(value as object);
  if (extension && kept.has(extension.base)) {
    const base = keptBytes(extension.base);
    const extra = JSON.stringify(extension.extra);
    // Two bytes of JSON object can only be "{}".
    if (extra === '{}') out.push(base);
    else if (base.length === 2) out.push(Buffer.from(extra));
    else out.push(base.subarray(0, -1), Buffer.from(`,${extra.slice(1)}`));
    return;
  }
  if (kept.has(value as object)) {
    out.push(keptBytes(value as object));
    return;
  }
  const json = jsonOf(value) as string | undefined;
  if (json !== undefined) out.push(Buffer.from(json));
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
  const out: Buffer[] = [];
  if (Array.isArray(data)) {
    out.push(Buffer.from('{"data":['));
    data.forEach((item, i) => {
      if (i > 0) out.push(COMMA);
      writeItem(item, out);
    });
    out.push(Buffer.from(`],"meta":${JSON.stringify(meta)},"links":${JSON.stringify(links)}}`));
  } else {
    out.push(Buffer.from('{"data":'));
    writeItem(data, out);
    out.push(Buffer.from(`,"meta":${JSON.stringify(meta)},"links":${JSON.stringify(links)}}`));
  }
  return Buffer.concat(out);
}
