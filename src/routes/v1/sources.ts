import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { hrefOf, pagePathOf } from '../../content/paths.js';
import { sendAnswer } from '../../http/answer.js';
import { canonicalUrl } from '../../http/canonical.js';
import { pageAnswer } from '../../http/paging.js';
import { sparse } from './sparse-fields.js';
import { missing } from '../../http/successor.js';
import { itemEnvelope, itemProblemResponses, pageEnvelope, problemResponses } from '../../schemas/envelopes.js';
import { defaultsOf, slugParams, sourceItemQuery, sourceListQuery } from '../../schemas/queries.js';
import { Source } from '../../schemas/sources.js';
import { named, type RegionChoice } from '../../snapshot/crisis-notices.js';

const LIST_DEFAULTS = defaultsOf(sourceListQuery);
const ITEM_DEFAULTS = defaultsOf(sourceItemQuery);

export default async function sourceRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  const listPayload = (query: z.output<typeof sourceListQuery>, region: RegionChoice = named(query.region)) => {
    const { kind, sort, fields, limit, offset } = query;
    const page = app.content.listSources({ kinds: kind, sort, limit, offset });
    const data = page.items.map((s) => sparse(app.present.source(s), fields));
    return pageAnswer('/v1/sources', query, LIST_DEFAULTS, { data, total: page.total }, app.present.meta(region));
  };

  const itemPayload = (slug: string, query: z.output<typeof sourceItemQuery>, region: RegionChoice = named(query.region)) => {
    const source = app.content.getSource(slug);
    if (!source)
      throw missing(`The source "${slug.slice(0, 100)}"`, app.changes.fate('source', slug), (to) =>
        canonicalUrl(hrefOf('sources', to), query, ITEM_DEFAULTS),
      );
    return {
      data: sparse(app.present.source(source), query.fields),
      meta: app.present.meta(region),
      links: {
        self: canonicalUrl(hrefOf('sources', slug), query, ITEM_DEFAULTS),
        html: canonicalUrl(pagePathOf('sources', slug), { region: query.region }),
      },
    };
  };

  app.get(
    '/sources',
    {
      schema: {
        operationId: 'listSources',
        tags: ['sources'],
        summary: 'List sources',
        description: 'The articles the content is based on and the works they cite, with ready-to-display citations.',
        querystring: sourceListQuery,
        response: {
          200: pageEnvelope(Source, 'A page of sources, with paging links and `meta` (disclaimer, crisis guidance, licence, attribution).'),
          ...problemResponses,
        },
      },
    },
    async (request, reply) =>
      sendAnswer(reply, canonicalUrl('/v1/sources', request.query, LIST_DEFAULTS), () =>
        listPayload(request.query, request.region ?? undefined),
      ),
  );

  app.get(
    '/sources/:slug',
    {
      schema: {
        operationId: 'getSource',
        tags: ['sources'],
        summary: 'Get one source',
        description:
          "One cited work with its authors, publisher, dates and citation. A renamed source's old slug answers 301 to the new one (410 after its Sunset date); a removed source's answers 410.",
        params: slugParams('gunther-2020'),
        querystring: sourceItemQuery,
        response: {
          200: itemEnvelope(Source, 'The source, with `meta` (disclaimer, crisis guidance, licence, attribution).'),
          ...itemProblemResponses,
        },
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      return sendAnswer(reply, canonicalUrl(hrefOf('sources', slug), request.query, ITEM_DEFAULTS), () =>
        itemPayload(slug, request.query, request.region ?? undefined),
      );
    },
  );

  const firstPage = sourceListQuery.parse({});
  const plainItem = sourceItemQuery.parse({});
  app.prepareAnswers(() => [
    { key: canonicalUrl('/v1/sources', firstPage, LIST_DEFAULTS), compute: () => listPayload(firstPage) },
    ...app.content.allSources().map((s) => ({
      key: canonicalUrl(hrefOf('sources', s.slug), plainItem, ITEM_DEFAULTS),
      compute: () => itemPayload(s.slug, plainItem),
    })),
  ]);
}
