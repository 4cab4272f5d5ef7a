// Every kind of problem the API answers with (RFC 9457): its name (the last segment of its type
// URI, `/problems/<name>`), the status it comes with, its title, and what it means for a client.
// The `type` of every problem+json body is one of these; each type URI answers a short page that
// says the same (RFC 9457 §3.1.1), and the OpenAPI document lists them as the ProblemType enum.

export interface ProblemTypeDefinition {
  /** The status this problem comes with; null for the catch-all of its class. */
  readonly status: number | null;
  readonly title: string;
  /** What it means and what to do, in plain words. */
  readonly about: string;
}

export const PROBLEM_TYPES = {
  'invalid-parameters': {
    status: 400,
    title: 'Invalid request parameters',
    about:
      'A query or path parameter is missing, unknown, repeated where only one value is allowed, or has a value the operation does not accept. The `errors` member lists each one, with what is wrong. Fix the request; sending it again unchanged gives the same answer.',
  },
  'invalid-api-key': {
    status: 401,
    title: 'Invalid API key',
    about: 'The X-API-Key header holds no valid partner key. Send a valid key, or leave the header out to use the keyless tier.',
  },
  'not-found': {
    status: 404,
    title: 'Not found',
    about: 'Nothing has this address: no record has this slug, or the path is not one the API serves. See /docs for the endpoints.',
  },
  'method-not-allowed': {
    status: 405,
    title: 'Method not allowed',
    about: 'The API is read-only: it answers GET, HEAD and OPTIONS. The Allow header lists them.',
  },
  'not-acceptable': {
    status: 406,
    title: 'Not acceptable',
    about:
      'The Accept header allows none of the media types the operation answers with: JSON, and JSON-LD where the operation says so. Send Accept: application/json, or leave Accept out.',
  },
  gone: {
    status: 410,
    title: 'Gone',
    about:
      'The record was removed, or renamed long enough ago that its old address no longer redirects (a Link header with rel="successor-version" then names the new one). Delete or update your copy; /v1/changes lists what changed.',
  },
  'payload-too-large': {
    status: 413,
    title: 'Payload too large',
    about: 'The request has a body larger than the API accepts. The API is read-only and needs no request body.',
  },
  'uri-too-long': {
    status: 414,
    title: 'URI too long',
    about: 'A path segment (a slug) is longer than 200 characters. Slugs are much shorter: check the address.',
  },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported media type',
    about: 'The request has a body of a type the API does not read. The API is read-only and needs no request body.',
  },
  'rate-limited': {
    status: 429,
    title: 'Too many requests',
    about:
      'This client has used its quota for the current window. Wait the number of seconds in Retry-After before sending again, or use a partner key for a higher limit. The RateLimit headers show the quota.',
  },
  'headers-too-large': {
    status: 431,
    title: 'Request header fields too large',
    about: 'The request headers are larger than the API accepts. Send fewer or shorter headers.',
  },
  'bad-request': {
    status: null,
    title: 'Bad request',
    about: 'The request cannot be answered as sent (a client error without a problem type of its own). The `detail` member says why.',
  },
  'not-implemented': {
    status: 501,
    title: 'Not implemented',
    about: 'The request uses an HTTP feature the API does not support.',
  },
  unavailable: {
    status: 503,
    title: 'Service unavailable',
    about:
      'The service cannot answer just now: it is overloaded, shutting down, or its content store is being replaced. Wait the number of seconds in Retry-After and send the request again.',
  },
  'internal-error': {
    status: null,
    title: 'Internal server error',
    about: 'Something went wrong on the server. The problem has been logged; please try again later.',
  },
} as const satisfies Readonly<Record<string, ProblemTypeDefinition>>;

export type ProblemTypeName = keyof typeof PROBLEM_TYPES;
export const PROBLEM_TYPE_NAMES = Object.keys(PROBLEM_TYPES) as [ProblemTypeName, ...ProblemTypeName[]];

/** The type URI of a problem: a path of this service, which answers the problem's page. */
export const problemTypeUri = (name: ProblemTypeName) => `/problems/${name}` as const;
