// One spelling per request: the cache key and the links of an answer are built from the query
// as the route's schema parsed it (numbers normalised, lists trimmed, defaults filled), never from
// the raw URL, so `offset=0005`, `offset=5` and no offset at all share one answer when 5 (or 0)
// is what they mean.

/**
 * How one parsed query value is written back: lists comma-joined, a parsed `sort` as `-key`,
 * any other parsed object (an embed's `type:slug` item) as its values joined by colons.
 */
function encode(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map((v) => encode(v)).join(',');
  if (typeof value === 'object') {
    if ('key' in value && 'descending' in value) return `${value.descending ? '-' : ''}${String(value.key)}`;
    return Object.values(value)
      .map((v) => encode(v))
      .join(':');
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  // A symbol or a function: no parsed query holds one, and neither has a spelling in a URL.
  return undefined;
}

/**
 * The query in canonical form: parameters in name order, each written once, those equal to
 * their default left out. `defaults` are the values the schema fills in for an empty query.
 */
export function canonicalQuery(query: object, defaults: Readonly<Record<string, unknown>> = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of Object.keys(query).sort()) {
    const value = encode((query as Record<string, unknown>)[name]);
    if (value !== undefined && value !== encode(defaults[name])) params.append(name, value);
  }
  return params;
}

/** `path` with its canonical query string, if any. */
export function canonicalUrl(path: string, query: object, defaults?: Readonly<Record<string, unknown>>): string {
  const search = canonicalQuery(query, defaults).toString();
  return search ? `${path}?${search}` : path;
}

/**
 * The request URL without the trailing slash(es) of its path, as an origin-relative address; or
 * undefined when the path has none. Leading slashes collapse to one, so the result can never be
 * read as another host (`//host/…`). An absolute-form request target keeps only its path.
 */
export function withoutTrailingSlash(url: string): string | undefined {
  const cut = url.indexOf('?');
  const target = cut < 0 ? url : url.slice(0, cut);
  if (!target.endsWith('/')) return undefined;
  let path = target;
  if (!target.startsWith('/')) {
    try {
      path = new URL(target).pathname;
    } catch {
      return undefined;
    }
  }
  return `/${path.replace(/^\/+|\/+$/g, '')}${cut < 0 ? '' : url.slice(cut)}`;
}
