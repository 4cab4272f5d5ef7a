import { REDIRECT_MONTHS } from '../http/successor.js';
import { operationsOf } from './operations.js';

// The 301 a renamed record's old address answers. It has no body, so it is not a zod response
// schema (an optional one would uncheck the handlers' types, see schemas/envelopes.ts); every
// operation that documents 410 (a tombstone) answers it, and this documents it there.

const header = (description: string, example: string) => ({ description, schema: { type: 'string' }, example });

const MOVED = {
  description: `The record was renamed: this is its old slug, which redirects to the new address for ${REDIRECT_MONTHS} months after the rename (then answers 410). Update stored links to \`Location\`.`,
  headers: {
    Location: header(
      "The record's new address, with the request's query (in canonical form).",
      '/v1/signs/withdrawing-from-people?format=html',
    ),
    Deprecation: header('When the old address was deprecated (the rename), as RFC 9745 says: `@` and Unix seconds.', '@1795971600'),
    Sunset: header(
      `When the old address stops redirecting (RFC 8594 HTTP-date): ${REDIRECT_MONTHS} months after the rename.`,
      'Mon, 29 Nov 2027 17:00:00 GMT',
    ),
    Link: header(
      'The new address as `rel="successor-version"`, and this documentation as `rel="deprecation"`.',
      '</v1/signs/withdrawing-from-people>; rel="successor-version", </docs>; rel="deprecation"; type="text/html"',
    ),
  },
};

type Operation = { responses?: Record<string, unknown> };

export function describeMoved<T>(document: T): T {
  for (const [, operation] of operationsOf<Operation>(document)) {
    const responses = operation.responses;
    if (!responses?.['410']) continue;
    // Statuses in numeric order, as the rest of the document lists them.
    operation.responses = Object.fromEntries(Object.entries({ ...responses, '301': MOVED }).sort(([a], [b]) => a.localeCompare(b)));
  }
  return document;
}
