import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { CONTENT_TYPES } from '../../content/types.js';
import { answer } from '../../http/answer.js';
import { canonicalUrl } from '../../http/canonical.js';
import { pageLinks } from '../../http/paging.js';
import { hrefOf } from '../../http/present.js';
import { notFound } from '../../http/problems.js';
import { itemEnvelope, itemProblemResponses, pageEnvelope, problemResponses } from '../../schemas/envelopes.js';
import { defaultsOf, itemQuery, LIST_QUERIES, slugParams } from '../../schemas/queries.js';
import { RECORD_SCHEMAS } from '../../schemas/records.js';
import { checkTopics } from './topic-filter.js';

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const ITEM_DEFAULTS = defaultsOf(itemQuery);

/** A list and an item operation for each content type (signs, causes, … stories). */
export default async function recordRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  for (const { collection, type, label, facets } of CONTENT_TYPES) {
    const schema = RECORD_SCHEMAS[collection];
    const listQuery = LIST_QUERIES[collection];
    const listDefaults = defaultsOf(listQuery);
    const path = `/v1/${collection}`;
    const facetText = facets.length ? ` Filter by ${facets.map((f) => `\`${f}\``).join(', ')} and by \`topic\`.` : ' Filter by `topic`.';

    const listPayload = (query: z.output<typeof listQuery>) => {
      const { topic, sort, limit, offset, format, ...facetValues } = query as z.output<typeof listQuery> & Record<string, string[] | undefined>;
      checkTopics(app, topic);
      const page = app.content.list(collection, { topics: topic, facets: facetValues, sort, limit, offset });
      return {
        data: page.items.map((r) => app.present.record(r, format)),
        meta: { ...app.present.meta(query.region), total: page.total, limit, offset },
        links: pageLinks(path, query, listDefaults, page.total, limit, offset),
      };
    };

    const itemPayload = (slug: string, query: z.output<typeof itemQuery>) => {
      const record = app.content.get(collection, slug);
      if (!record) throw notFound(`The ${type} "${slug.slice(0, 100)}"`);
      return { data: app.present.record(record, query.format), meta: app.present.meta(query.region), links: { self: canonicalUrl(hrefOf(collection, slug), query, ITEM_DEFAULTS) } };
    };

    app.get(
      path.slice('/v1'.length),
      {
        schema: {
          operationId: `list${capitalise(collection)}`,
          tags: [label],
          summary: `List ${label.toLowerCase()}`,
          description: `Pages through every ${type} record, in editorial order unless \`sort\` says otherwise.${facetText} Every response carries the disclaimer and crisis guidance in \`meta\`.`,
          querystring: listQuery,
          response: { 200: pageEnvelope(schema, `A page of ${type} records, with paging links and \`meta\` (disclaimer, crisis guidance, licence, attribution).`), ...problemResponses },
        },
      },
      async (request, reply) => answer(reply, app.answers, canonicalUrl(path, request.query, listDefaults), () => listPayload(request.query)),
    );

    app.get(
      `/${collection}/:slug`,
      {
        schema: {
          operationId: `get${capitalise(type)}`,
          tags: [label],
          summary: `Get one ${type} by slug`,
          description: `Returns one ${type} record with its topics, sources and review dates. Slugs are stable and never change once published.`,
          params: slugParams,
          querystring: itemQuery,
          response: { 200: itemEnvelope(schema, `The ${type}, with \`meta\` (disclaimer, crisis guidance, licence, attribution).`), ...itemProblemResponses },
        },
      },
      async (request, reply) => {
        const { slug } = request.params;
        return answer(reply, app.answers, canonicalUrl(hrefOf(collection, slug), request.query, ITEM_DEFAULTS), () => itemPayload(slug, request.query));
      },
    );

    // Prepared at store open: the collection's first page and every record, as first asked for.
    const firstPage = listQuery.parse({});
    const plainItem = itemQuery.parse({});
    app.prepareAnswers(() => [
      { key: canonicalUrl(path, firstPage, listDefaults), compute: () => listPayload(firstPage) },
      ...app.content.all(collection).map((r) => ({ key: canonicalUrl(hrefOf(collection, r.slug), plainItem, ITEM_DEFAULTS), compute: () => itemPayload(r.slug, plainItem) })),
    ]);
  }
}
