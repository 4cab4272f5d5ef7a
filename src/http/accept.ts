/**
 * True when an Accept header admits one of `types` (e.g. application/json) with q > 0.
 * A missing or empty header accepts anything, as RFC 9110 says.
 */
export function accepts(header: string | undefined, types: readonly string[]): boolean {
  if (!header || !header.trim()) return true;
  return header.split(',').some((range) => {
    const [media = '', ...params] = range.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) return false;
    const [type, subtype] = media.trim().split('/');
    if (type === '*' && subtype === '*') return true;
    return types.some((t) => {
      const [tt, ts] = t.split('/');
      return type === tt && (subtype === '*' || subtype === ts);
    });
  });
}
