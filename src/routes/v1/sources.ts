import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { answer } from '../../http/answer.js';
import { canonicalUrl } from '../../http/canonical.js';
import { pageLinks } from '../../http/paging.js';
import { hrefOf } from '../../http/present.js';
import { notFound } from '../../http/problems.js';
import { itemEnvelope, itemProblemResponses, pageEnvelope, problemResponses } from '../../schemas/envelopes.js';
import { defaultsOf, slugParams, sourceListQuery } from '../../schemas/queries.js';
import { Source } from '../../schemas/sources.js';

const LIST_DEFAULTS = defaultsOf(sourceListQuery);

export default async function sourceRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  const listPayload = (query: z.output<typeof sourceListQuery>) => {
    const { kind, sort, limit, offset } = query;
    const page = app.content.listSources({ kinds: kind, sort, limit, offset });
    return {
      data: page.items.map((s) => app.present.source(s)),
      meta: { ...app.present.meta(query.region), total: page.total, limit, offset },
      links: pageLinks('/v1/sources', query, LIST_DEFAULTS, page.total, limit, offset),
    };
  };

  const itemPayload = (slug: string) => {
    const source = app.content.getSource(slug);
    if (!source) throw notFound(`The source "${slug.slice(0, 100)}"`);
    return { data: app.present.source(source), meta: app.present.meta(), links: { self: hrefOf('sources', slug) } };
  };

  app.get(
    '/sources',
    {
      schema: {
        operationId: 'listSources',
        tags: ['Sources'],
        summary: 'List sources',
        description: 'The articles the content is based on and the works they cite, with ready-to-display citations.',
        querystring: sourceListQuery,
        response: { 200: pageEnvelope(Source, 'A page of sources, with paging links and `meta` (disclaimer, crisis guidance, licence, attribution).'), ...problemResponses },
      },
    },
    async (request, reply) => answer(reply, app.answers, canonicalUrl('/v1/sources', request.query, LIST_DEFAULTS), () => listPayload(request.query)),
  );

  app.get(
    '/sources/:slug',
    {
      schema: {
        operationId: 'getSource',
        tags: ['Sources'],
        summary: 'Get one source',
        description: 'One cited work with its authors, publisher, dates and citation.',
        params: slugParams,
        response: { 200: itemEnvelope(Source, 'The source, with `meta` (disclaimer, crisis guidance, licence, attribution).'), ...itemProblemResponses },
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      return answer(reply, app.answers, hrefOf('sources', slug), () => itemPayload(slug));
    },
  );

  const firstPage = sourceListQuery.parse({});
  app.prepareAnswers(() => [
    { key: canonicalUrl('/v1/sources', firstPage, LIST_DEFAULTS), compute: () => listPayload(firstPage) },
    ...app.content.allSources().map((s) => ({ key: hrefOf('sources', s.slug), compute: () => itemPayload(s.slug) })),
  ]);
}
