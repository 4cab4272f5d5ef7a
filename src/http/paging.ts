/** JSON:API-style paging links that keep the caller's other query parameters. */
export function pageLinks(url: string, total: number, limit: number, offset: number) {
  const [path, search = ''] = url.split('?') as [string, string?];
  const params = new URLSearchParams(search);
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
