import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CONTENT_TYPES } from '../../content/types.js';
import { notFound } from '../../http/problems.js';
import { pageLinks } from '../../http/paging.js';
import type { Sort } from '../../repositories/content-repository.js';
import { itemEnvelope, pageEnvelope, problemResponses } from '../../schemas/envelopes.js';
import { itemQuery, LIST_QUERIES, slugParams } from '../../schemas/queries.js';
import { RECORD_SCHEMAS } from '../../schemas/records.js';
import { checkTopics } from './topic-filter.js';

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A list and an item operation for each content type (signs, causes, … stories). */
export default async function recordRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  for (const { collection, type, label, facets } of CONTENT_TYPES) {
    const schema = RECORD_SCHEMAS[collection];
    const tag = label;
    const facetText = facets.length ? ` Filter by ${facets.map((f) => `\`${f}\``).join(', ')} and by \`topic\`.` : ' Filter by `topic`.';

    app.get(
      `/${collection}`,
      {
        schema: {
          operationId: `list${capitalise(collection)}`,
          tags: [tag],
          summary: `List ${label.toLowerCase()}`,
          description: `Pages through every ${type} record, in editorial order unless \`sort\` says otherwise.${facetText} Every response carries the disclaimer and crisis guidance in \`meta\`.`,
          querystring: LIST_QUERIES[collection],
          response: { 200: pageEnvelope(schema), ...problemResponses() },
        },
      },
      async (request) => {
        const { topic, sort, limit, offset, format, region, ...facetValues } = request.query as Record<string, unknown> & {
          region?: string;
          topic?: string[];
          sort: Sort;
          limit: number;
          offset: number;
          format: 'markdown' | 'html' | 'text';
        };
        checkTopics(app, topic);
        const page = app.content.list(collection, {
          topics: topic,
          facets: facetValues as Record<string, string[] | undefined>,
          sort,
          limit,
          offset,
        });
        return {
          data: page.items.map((r) => app.present.record(r, format)),
          meta: { ...app.present.meta(region), total: page.total, limit, offset },
          links: pageLinks(request.url, page.total, limit, offset),
        } as never;
      },
    );

    app.get(
      `/${collection}/:slug`,
      {
        schema: {
          operationId: `get${capitalise(type)}`,
          tags: [tag],
          summary: `Get one ${type} by slug`,
          description: `Returns one ${type} record with its topics, sources and review dates. Slugs are stable and never change once published.`,
          params: slugParams,
          querystring: itemQuery,
          response: { 200: itemEnvelope(schema), ...problemResponses({ notFound: true }) },
        },
      },
      async (request) => {
        const record = app.content.get(collection, request.params.slug);
        if (!record) throw notFound(`The ${type} "${request.params.slug.slice(0, 100)}"`);
        return {
          data: app.present.record(record, request.query.format),
          meta: app.present.meta(request.query.region),
          links: { self: request.url },
        } as never;
      },
    );
  }
}
