// JSON for answers. A page of records is mostly the JSON of the records it lists, and the
// snapshot presents each record once: its JSON is written then, kept beside it, and spliced into
// every page that lists it instead of being serialised again for every page.

/** A value presented once per snapshot, with its JSON, written once. */
export class Presented<T> {
  readonly json: string;
  constructor(readonly value: T) {
    this.json = JSON.stringify(value);
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

/** The JSON of one item, as JSON.stringify writes an array element (`null` for what JSON cannot hold). */
export function itemJson(item: unknown): string {
  if (item instanceof Presented) return item.json;
  if (item instanceof Extended) {
    const base = item.base.json;
    const extra = JSON.stringify(item.extra);
    // Both are objects: their JSON is "{…}", and two characters of it can only be "{}".
    if (extra === '{}') return base;
    if (base === '{}') return extra;
    return `${base.slice(0, -1)},${extra.slice(1)}`;
  }
  return JSON.stringify(item) ?? 'null';
}

/** An answer envelope: `data` (one item or a list), `meta` and `links`, in that order. */
export interface Envelope<D> {
  data: D;
  meta: unknown;
  links: object;
}

/** The JSON of an envelope whose items (and meta) may be presented ones. */
export function envelopeJson({ data, meta, links }: Envelope<unknown>): string {
  const items = Array.isArray(data) ? `[${data.map(itemJson).join(',')}]` : itemJson(data);
  return `{"data":${items},"meta":${itemJson(meta)},"links":${JSON.stringify(links)}}`;
}
