import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { notFound } from '../../http/problems.js';
import { pageLinks } from '../../http/paging.js';
import { itemEnvelope, pageEnvelope, problemResponses } from '../../schemas/envelopes.js';
import { slugParams, sourceListQuery } from '../../schemas/queries.js';
import { Source } from '../../schemas/sources.js';

export default async function sourceRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/sources',
    {
      schema: {
        operationId: 'listSources',
        tags: ['Sources'],
        summary: 'List sources',
        description: 'The articles the content is based on and the works they cite, with ready-to-display citations.',
        querystring: sourceListQuery,
        response: { 200: pageEnvelope(Source), ...problemResponses() },
      },
    },
    async (request) => {
      const { kind, sort, limit, offset, region } = request.query;
      const page = app.content.listSources({ kinds: kind, sort, limit, offset });
      return {
        data: page.items.map((s) => app.present.source(s)),
        meta: { ...app.present.meta(region), total: page.total, limit, offset },
        links: pageLinks(request.url, page.total, limit, offset),
      } as never;
    },
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
        response: { 200: itemEnvelope(Source), ...problemResponses({ notFound: true }) },
      },
    },
    async (request) => {
      const source = app.content.getSource(request.params.slug);
      if (!source) throw notFound(`The source "${request.params.slug.slice(0, 100)}"`);
      return { data: app.present.source(source), meta: app.present.meta(), links: { self: request.url } } as never;
    },
  );
}
