import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { collectionOfChangeType } from '../../content/types.js';
import { sendAnswer } from '../../http/answer.js';
import { canonicalUrl } from '../../http/canonical.js';
import { pageAnswer } from '../../http/paging.js';
import { hrefOf } from '../../content/paths.js';
import { invalidParameters } from '../../http/problems.js';
import { REDIRECT_MONTHS } from '../../http/successor.js';
import type { Change as ChangeEntry, Since } from '../../repositories/changes-repository.js';
import { Change, changesQuery, isContentVersion, SINCE_ACCEPTS } from '../../schemas/changes.js';
import { pageEnvelope, problemResponses } from '../../schemas/envelopes.js';
import { defaultsOf } from '../../schemas/queries.js';
import { named, type RegionChoice } from '../../snapshot/crisis-notices.js';

const PATH = '/v1/changes';
const DEFAULTS = defaultsOf(changesQuery);

const entryOf = (c: ChangeEntry): z.input<typeof Change> => {
  const collection = collectionOfChangeType(c.type);
  const href = c.change === 'removed' ? null : hrefOf(collection, c.newSlug ?? c.slug);
  return { type: c.type, slug: c.slug, change: c.change, newSlug: c.newSlug, at: c.at, version: c.version, href };
};

/** The change feed: what was created, updated, removed or renamed, oldest first. */
export default async function changeRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  const payload = (query: z.output<typeof changesQuery>, region: RegionChoice = named(undefined)) => {
    const { limit, offset } = query;
    let since: Since | undefined;
    if (query.since !== undefined && isContentVersion(query.since)) {
      if (!app.changes.knows(query.since)) {
        throw invalidParameters([
          { in: 'query', name: 'since', detail: `names no content version in the change log (${query.since}); it ${SINCE_ACCEPTS}` },
        ]);
      }
      since = { version: query.since };
    } else if (query.since !== undefined) since = { after: new Date(query.since) };
    const page = app.changes.list(since, limit, offset);
    return pageAnswer(PATH, query, DEFAULTS, { data: page.items.map(entryOf), total: page.total }, app.present.meta(region));
  };

  app.get(
    '/changes',
    {
      schema: {
        operationId: 'listChanges',
        tags: ['changes'],
        summary: 'What changed since a content version or a date',
        description:
          "The content's history, oldest first and stable, paged like the collections: every topic, record and source created, updated, removed or renamed, with when and in which content version. " +
          'To mirror the content, fetch the whole feed once (without `since`, every current record appears at least as created), then ask for `since=<meta.contentVersion of your last sync>` and replay the entries in order. ' +
          `A removed record's address answers 410 Gone; a renamed record's old address answers 301 to the new one (with \`Deprecation\`, \`Sunset\` and a \`successor-version\` link) for ${REDIRECT_MONTHS} months after the rename, then 410. ` +
          'Times are when a change was logged, which can be before it was deployed: prefer a content version to a date.',
        querystring: changesQuery,
        response: {
          200: pageEnvelope(
            Change,
            'A page of changes, oldest first, with paging links and `meta` (disclaimer, crisis guidance, licence, attribution).',
            PATH,
          ),
          ...problemResponses,
        },
      },
    },
    async (request, reply) =>
      sendAnswer(reply, canonicalUrl(PATH, request.query, DEFAULTS), () => payload(request.query, request.region ?? undefined)),
  );

  // Prepared at store open: the feed's first page, where every new partner starts.
  const firstPage = changesQuery.parse({});
  app.prepareAnswers(() => [{ key: canonicalUrl(PATH, firstPage, DEFAULTS), compute: () => payload(firstPage) }]);
}
