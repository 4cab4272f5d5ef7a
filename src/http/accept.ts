// Content negotiation (RFC 9110 §12.5): on Accept, where the most specific matching range decides a
// media type's quality, and on Accept-Encoding; q=0 means "not acceptable".

/** The members of a negotiation header, lower-cased, each with its q-value (a bad one counts as 0). */
function weighted(header: string): { value: string; q: number }[] {
  return header.split(',').map((member) => {
    const [value = '', ...params] = member.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    return { value: value.trim(), q: Number.isFinite(q) ? q : 0 };
  });
}

/** The q-value an Accept header gives a media type, using the most specific matching range. */
function quality(header: string, type: string): number {
  const [main] = type.split('/');
  let best = -1;
  let q = 0;
  for (const range of weighted(header)) {
    const m = range.value;
    const specificity = m === type ? 3 : m === `${main}/*` ? 2 : m === '*/*' ? 1 : 0;
    if (specificity > best && specificity > 0) {
      best = specificity;
      q = range.q;
    }
  }
  return q;
}

/**
 * The media type of `offered` that an Accept header prefers (highest q-value; a tie goes to the
 * one offered first), or undefined when it admits none. A missing or empty header takes the first.
 */
export function negotiate(header: string | undefined, offered: readonly string[]): string | undefined {
  if (!header || !header.trim()) return offered[0];
  let best: string | undefined;
  let bestQ = 0;
  for (const type of offered) {
    const q = quality(header, type);
    if (q > bestQ) {
      best = type;
      bestQ = q;
    }
  }
  return best;
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

/**
 * The content coding of `offered` that an Accept-Encoding header prefers (RFC 9110 §12.5.3):
 * highest q-value, a tie going to the one offered first; `*` stands for any coding not named, and
 * `x-gzip` for gzip. Undefined means identity (no header, or nothing offered is acceptable).
 */
export function negotiateCoding<C extends string>(header: string | undefined, offered: readonly C[]): C | undefined {
  if (!header) return undefined;
  const members = weighted(header);
  const any = members.find((m) => m.value === '*')?.q;
  let best: C | undefined;
  let bestQ = 0;
  for (const coding of offered) {
    const named = members.find((m) => m.value === coding || (coding === 'gzip' && m.value === 'x-gzip'));
    const q = named ? named.q : (any ?? 0);
    if (q > bestQ) {
      best = coding;
      bestQ = q;
    }
  }
  return best;
}
