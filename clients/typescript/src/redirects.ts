// Following the API's redirects, and saying so. A renamed record's old address answers 301 to its
// new one for a year (with Deprecation, Sunset and a successor-version Link); a path with a
// trailing slash answers 308 to the path without it. Both are followed, as fetch would, but the
// 301's headers are what tell you to update a stored link, and fetch hides them when it follows.
// So redirects are followed here, one hop at a time, and each is reported to `onRedirect`.

/** A redirect the client followed. */
export interface Redirect {
  /** 301 (a renamed record: update stored links) or 308 (a trailing slash). */
  status: number;
  from: string;
  to: string;
  /** RFC 9745 `Deprecation` of the old address (`@` and Unix seconds), if it is deprecated. */
  deprecation: string | null;
  /** RFC 8594 `Sunset`: when the old address stops redirecting (then it answers 410). */
  sunset: string | null;
  /** The `Link` header: the new address as `rel="successor-version"`. */
  link: string | null;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_HOPS = 5;

/** The default report: one console warning per renamed address, so stored links get updated. */
export function warnOnce(): (redirect: Redirect) => void {
  const warned = new Set<string>();
  return (redirect) => {
    if (redirect.status !== 301 || warned.has(redirect.from)) return;
    warned.add(redirect.from);
    console.warn(
      `content API: ${redirect.from} has moved to ${redirect.to}${redirect.sunset ? ` (the old address stops working after ${redirect.sunset})` : ''}; update stored links.`,
    );
  };
}

/**
 * A fetch that follows redirects itself and reports each one. Where the runtime hides redirects
 * (a browser answers `redirect: 'manual'` with an opaque response), it lets fetch follow and
 * reports what it can see: where the request ended up.
 */
export function followingFetch(base: typeof globalThis.fetch, onRedirect: (redirect: Redirect) => void): typeof globalThis.fetch {
  return async (input, init) => {
    let request = new Request(input, init);
    const origin = new URL(request.url).origin;
    for (let hop = 0; hop <= MAX_HOPS; hop++) {
      const response = await base(new Request(request, { redirect: 'manual' }));
      if (response.type === 'opaqueredirect') {
        const followed = await base(new Request(request, { redirect: 'follow' }));
        if (followed.redirected)
          onRedirect({ status: 0, from: request.url, to: followed.url, deprecation: null, sunset: null, link: null });
        return followed;
      }
      const location = response.headers.get('location');
      if (!REDIRECTS.has(response.status) || !location) return response;
      const to = new URL(location, request.url);
      onRedirect({
        status: response.status,
        from: request.url,
        to: to.href,
        deprecation: response.headers.get('deprecation'),
        sunset: response.headers.get('sunset'),
        link: response.headers.get('link'),
      });
      const headers = new Headers(request.headers);
      // The partner key goes only to the API's own origin.
      if (to.origin !== origin) headers.delete('x-api-key');
      request = new Request(to, { method: request.method, headers, signal: request.signal });
    }
    throw new Error(`content API: more than ${MAX_HOPS} redirects from ${new Request(input, init).url}`);
  };
}
