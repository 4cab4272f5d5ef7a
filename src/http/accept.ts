// Accept-header negotiation (RFC 9110 §12.5.1): the most specific matching range decides a
// media type's quality; q=0 means "not acceptable".

/** The q-value an Accept header gives a media type, using the most specific matching range. */
function quality(header: string, type: string): number {
  const [main] = type.split('/');
  let best = -1;
  let q = 0;
  for (const range of header.split(',')) {
    const [media = '', ...params] = range.trim().toLowerCase().split(';');
    const m = media.trim();
    const specificity = m === type ? 3 : m === `${main}/*` ? 2 : m === '*/*' ? 1 : 0;
    if (specificity > best && specificity > 0) {
      best = specificity;
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const value = qParam === undefined ? 1 : Number(qParam.slice(2));
      q = Number.isFinite(value) ? value : 0;
    }
  }
  return q;
}

/** True when an Accept header admits one of `types`. A missing or empty header accepts anything. */
export function accepts(header: string | undefined, types: readonly string[]): boolean {
  if (!header || !header.trim()) return true;
  return types.some((type) => quality(header, type) > 0);
}

/**
 * True when the client clearly prefers JSON to HTML (a script calling an HTML endpoint), so
 * an error can be answered as problem+json; browsers and `*\/*` get HTML.
 */
export function prefersJson(header: string | undefined): boolean {
  if (!header || !header.trim()) return false;
  const json = Math.max(quality(header, 'application/json'), quality(header, 'application/problem+json'));
  return json > quality(header, 'text/html');
}
