import createFetchClient, { type Client } from 'openapi-fetch';
import { followingFetch, type Redirect, warnOnce } from './redirects.js';
import type { components, paths } from './schema.js';

export type { components, paths, Redirect };

/** The API's error body (RFC 9457 problem details). */
export type Problem = components['schemas']['Problem'];

export interface ContentClientOptions {
  /** Where the API is served, e.g. `https://content.example.org`. */
  baseUrl: string;
  /** A partner key, sent as `X-API-Key`. Optional: without one, requests share the keyless quota. */
  apiKey?: string;
  /** A fetch implementation; the global one by default. */
  fetch?: typeof globalThis.fetch;
  /**
   * Called for each redirect followed: a renamed record's old address (301, with `deprecation`
   * and `sunset`: update stored links) or a trailing slash (308). By default a renamed address
   * is reported once with `console.warn`; pass `() => {}` to be told nothing.
   */
  onRedirect?: (redirect: Redirect) => void;
}

// Answers are read as JSON and errors as problem+json; the JSON-LD the spec also documents is
// for pages and crawlers, and would otherwise blur every answer's type.
type Media = 'application/json' | 'application/problem+json';
export type ContentClient = Client<paths, Media>;

/** A typed client: `client.GET('/v1/signs', { params: { query: { kind: ['emotional'] } } })`. */
export function createClient({ baseUrl, apiKey, fetch, onRedirect = warnOnce() }: ContentClientOptions): ContentClient {
  // Bound, so that a global fetch is called as a function of its own realm.
  const base = fetch ?? globalThis.fetch.bind(globalThis);
  return createFetchClient<paths, Media>({
    baseUrl: baseUrl.replace(/\/+$/, ''),
    headers: { accept: 'application/json', ...(apiKey ? { 'x-api-key': apiKey } : {}) },
    // List parameters (fields, include, filters) are sent comma-separated, as the document says (style form, explode false).
    querySerializer: { array: { style: 'form', explode: false } },
    fetch: followingFetch(base, onRedirect),
  });
}

/** A failed request, carrying the API's problem details. */
export class ContentApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(problem?.detail ?? problem?.title ?? `The content API answered ${status}`);
    this.name = 'ContentApiError';
  }
}

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;
type OkJson<P extends keyof paths> = paths[P] extends { get: { responses: { 200: infer R } } } ? JsonOf<R> : never;

/** The GET paths that answer a page: `data` is a list and `links.next` points to the next page. */
export type PagedPath = {
  [P in keyof paths]: OkJson<P> extends { data: unknown[]; links: { next: string | null } } ? P : never;
}[keyof paths];

/** One item of a paged path's `data`. */
export type ItemOf<P extends PagedPath> = OkJson<P> extends { data: (infer I)[] } ? I : never;

type QueryOf<P extends PagedPath> = paths[P] extends { get: { parameters: { query?: infer Q } } } ? Q : never;

/**
 * Every item of a collection, page after page, following `links.next` until it is null:
 * `for await (const sign of paginate(client, '/v1/signs', { limit: 50 })) …`.
 * Throws a ContentApiError when a page fails.
 */
export async function* paginate<P extends PagedPath>(client: ContentClient, path: P, query?: QueryOf<P>): AsyncGenerator<ItemOf<P>> {
  let params: Record<string, unknown> | undefined = query as Record<string, unknown> | undefined;
  for (;;) {
    // The path is one of several literal types here, which openapi-fetch's overloads cannot take
    // as a union; the result is typed through OkJson<P> instead.
    const { data, error, response } = await (
      client.GET as (p: string, init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>
    )(path, {
      params: { query: params },
    });
    if (error !== undefined || data === undefined) throw new ContentApiError(response.status, error as Problem | undefined);
    const page = data as { data: ItemOf<P>[]; links: { next: string | null } };
    yield* page.data;
    if (!page.links.next) return;
    // `next` is a relative URL with the page's canonical query; the API parses it as it did ours.
    params = Object.fromEntries(new URL(page.links.next, 'http://next.invalid').searchParams);
  }
}
