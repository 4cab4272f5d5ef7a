import type { Fate } from '../repositories/changes-repository.js';
import { HttpProblem, notFound } from './problems.js';

// What an item route answers for a slug no record has now, from the change log: a renamed
// record's old address redirects (301) to the new one for REDIRECT_MONTHS after the rename,
// announcing its deprecation (RFC 9745) and sunset (RFC 8594); after that, and for a removed
// record, the address is gone (410). A slug the log never knew is a plain 404.

/** How long an old slug keeps redirecting after its record was renamed. */
export const REDIRECT_MONTHS = 12;

/** A 301 to the record's new address; the error handler sends it (found on the not-found path). */
export class MovedPermanently extends Error {
  constructor(
    readonly location: string,
    readonly headers: Readonly<Record<string, string>>,
  ) {
    super(`moved permanently to ${location}`);
    this.name = 'MovedPermanently';
  }
}

/** When a slug renamed at `at` stops redirecting. */
export function sunsetOf(at: string): Date {
  const sunset = new Date(at);
  sunset.setUTCMonth(sunset.getUTCMonth() + REDIRECT_MONTHS);
  return sunset;
}

const day = (iso: string | Date) => new Date(iso).toISOString().slice(0, 10);

/**
 * The error to throw for `what` (`The sign "x"`) at a slug no record has: a redirect, a 410 or a
 * 404. `locate` gives the new slug's address with the request's query in canonical form.
 */
export function missing(what: string, fate: Fate | undefined, locate: (slug: string) => string, now = Date.now()): Error {
  if (!fate) return notFound(what);
  if (fate.kind === 'removed')
    return new HttpProblem(
      410,
      `${what} was removed from the content on ${day(fate.at)} (content version ${fate.version}); see /v1/changes.`,
    );
  const location = locate(fate.to);
  const successor = `<${location}>; rel="successor-version"`;
  const sunset = sunsetOf(fate.at);
  if (now >= sunset.getTime()) {
    return new HttpProblem(
      410,
      `${what} was renamed to "${fate.to}" on ${day(fate.at)}; the old address redirected until ${day(sunset)}. Use ${location}.`,
      undefined,
      { link: successor },
    );
  }
  return new MovedPermanently(location, {
    location,
    deprecation: `@${Math.floor(Date.parse(fate.at) / 1000)}`,
    sunset: sunset.toUTCString(),
    link: `${successor}, </docs>; rel="deprecation"; type="text/html"`,
  });
}
