// JSON for answers, reusing what the store already holds: a presented record is the same object
// for as long as its store is open (the presenter keeps it and marks it with keepJson), so its
// JSON is written once and every page that lists it splices that text in instead of serialising
// the record again.

const kept = new WeakSet<object>();
const written = new WeakMap<object, string>();

/** Marks an object that stays the same while its store is open: its JSON is then written once. */
export function keepJson(value: object): void {
  kept.add(value);
}

function jsonOf(value: unknown): string {
  // Objects made for one answer (search hits, say) are written as they are: remembering them
  // would only cost a map entry each. (WeakSet.has is false for null and primitives too.)
  if (!kept.has(value as object)) return JSON.stringify(value);
  let json = written.get(value as object);
  if (json === undefined) {
    json = JSON.stringify(value);
    written.set(value as object, json);
  }
  return json;
}

/**
 * The same text as `JSON.stringify(payload)` for the `{ data, meta, links }` envelope every
 * content answer has, with each item of `data` written from its kept JSON; any other shape is
 * serialised as it is.
 */
export function envelopeJson(payload: unknown): string {
  if (payload === null || typeof payload !== 'object') return JSON.stringify(payload);
  const keys = Object.keys(payload);
  if (keys.length !== 3 || keys[0] !== 'data' || keys[1] !== 'meta' || keys[2] !== 'links') return JSON.stringify(payload);
  const { data, meta, links } = payload as { data: unknown; meta: unknown; links: unknown };
  const items = Array.isArray(data) ? `[${data.map(jsonOf).join(',')}]` : jsonOf(data);
  return `{"data":${items},"meta":${JSON.stringify(meta)},"links":${JSON.stringify(links)}}`;
}
