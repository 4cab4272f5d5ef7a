// A flood of distinct, valid list URLs, as a crawler or a careless client sends them: no two
// requests of a run ask for the same answer, so no cache can serve them and each is computed,
// serialised and compressed (the requests ask for brotli or gzip, as browsers and CDNs do).
import { CONTENT_TYPES } from '../../src/content/types.js';

export const FLOOD_HEADERS = { 'accept-encoding': 'br, gzip' };

const COLLECTIONS = CONTENT_TYPES.map((t) => t.collection);
const SORTS = ['order', '-order', 'title', '-title', 'slug', '-slug', 'reviewedAt', '-reviewedAt', 'nextReviewAt', '-nextReviewAt'];
const FORMATS = ['markdown', 'html', 'text'];
const OFFSETS = 30;

/** Distinct URL number `i` (mixed radix over collection, limit, sort, format and offset). */
export function floodPath(i: number): string {
  const collection = COLLECTIONS[i % COLLECTIONS.length];
  let rest = Math.floor(i / COLLECTIONS.length);
  const limit = 1 + (rest % 100);
  rest = Math.floor(rest / 100);
  const sort = SORTS[rest % SORTS.length];
  rest = Math.floor(rest / SORTS.length);
  const format = FORMATS[rest % FORMATS.length];
  const offset = Math.floor(rest / FORMATS.length) % OFFSETS;
  return `/v1/${collection}?limit=${limit}&offset=${offset}&sort=${sort}&format=${format}`;
}

export const FLOOD_SIZE = COLLECTIONS.length * 100 * SORTS.length * FORMATS.length * OFFSETS;

/**
 * The flood the API is sent and the sample the ceiling replays, drawn from the same `span` of
 * paths: the sample is every `span / size`-th path, the API gets the others in order. Limits,
 * sorts, formats and offsets vary at different rates along the sequence, so a sample taken from
 * its start alone would hold smaller answers than the API is asked for.
 */
export function floodSplit(span: number, size: number): { sample: string[]; next: () => string } {
  const step = Math.max(1, Math.floor(span / size));
  const sample = Array.from({ length: size }, (_, j) => floodPath((j * step) % FLOOD_SIZE));
  let i = 0;
  const next = () => {
    while (i % step === 0 && i / step < size) i++;
    return floodPath(i++ % FLOOD_SIZE);
  };
  return { sample, next };
}

/** A generator of distinct paths starting at `from`, for one process's runs. */
export function floodPaths(from: number): () => string {
  let i = from;
  return () => floodPath(i++ % FLOOD_SIZE);
}
