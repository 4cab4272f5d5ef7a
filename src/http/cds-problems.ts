import { HttpProblem, invalidParameters } from './problems.js';

// What the CDS Hooks service answers when it cannot give cards: one definition each, thrown by the
// route and shown as the OpenAPI document's examples.

/** An invalid or missing JWT: the specification asks for a 401 that tells an attacker nothing. */
export const untrustedCall = () =>
  new HttpProblem(401, 'This CDS service does not trust the request.', undefined, { 'www-authenticate': 'Bearer' });

export const unknownService = (id: string) => new HttpProblem(404, `No CDS service has the id "${id.slice(0, 100)}"; see /cds-services.`);

export const otherHook = () =>
  invalidParameters([{ in: 'body', name: 'hook', detail: 'must be patient-view: the only hook this service answers' }]);
