import { Extended, type Item, type Presented } from '../snapshot/json.js';
import { canonicalQuery } from './canonical.js';

/**
 * JSON:API-style paging links, built from the parsed query so that every spelling of a request
 * links to the same canonical pages (the caller's other parameters kept, defaults left out).
 */
export function pageLinks(
  path: string,
  query: object,
  defaults: Readonly<Record<string, unknown>>,
  total: number,
  limit: number,
  offset: number,
) {
  const { limit: _limit, offset: _offset, ...rest } = query as Record<string, unknown>;
  const params = canonicalQuery(rest, defaults);
  const at = (start: number) => {
    const p = new URLSearchParams(params);
    p.set('limit', String(limit));
    p.set('offset', String(start));
    return `${path}?${p.toString()}`;
  };
  const lastOffset = total === 0 ? 0 : Math.floor((total - 1) / limit) * limit;
  return {
    self: at(offset),
    first: at(0),
    last: at(lastOffset),
    prev: offset > 0 ? at(Math.max(0, Math.min(offset, total) - limit)) : null,
    next: offset + limit < total ? at(offset + limit) : null,
  };
}

/**
 * A page answer, the one shape every collection, search and the change feed share: `data`,
 * `meta` (the content meta, the paging counts, then anything particular to the operation) and
 * the canonical paging links.
 */
export function pageAnswer<T, M extends object, X extends object = object>(
  path: string,
  query: { limit: number; offset: number },
  defaults: Readonly<Record<string, unknown>>,
  page: { data: T[]; total: number },
  meta: Presented<M>,
  extra?: X,
) {
  const { limit, offset } = query;
  return {
    data: page.data,
    // The content meta's JSON is written once per snapshot and region; only the counts are new.
    meta: new Extended(meta, { total: page.total, limit, offset, ...extra }) as Item<
      M & { total: number; limit: number; offset: number } & X
    >,
    links: pageLinks(path, query, defaults, page.total, limit, offset),
  };
}
