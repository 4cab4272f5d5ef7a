import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { CONTENT_REGISTRY, type RecordCollection, type RecordType, type Registry } from '../../content/registry.js';
import { JSON_LD_MEDIA, JSON_OR_LD, sendAnswer, sendJsonLd } from '../../http/answer.js';
import { canonicalUrl } from '../../http/canonical.js';
import { pageAnswer } from '../../http/paging.js';
import { hrefOf, pagePathOf } from '../../content/paths.js';
import { missing } from '../../http/successor.js';
import { itemEnvelope, itemProblemResponses, pageEnvelope, problemResponses } from '../../schemas/envelopes.js';
import { defaultsOf, itemQuery as itemQueryOf, listQuery as listQueryOf, slugParams } from '../../schemas/queries.js';
import { faqListJsonLd, recordJsonLd } from '../../snapshot/jsonld.js';
import { recordSchemaOf } from '../../schemas/records.js';
import { sparse } from './sparse-fields.js';
import { named, type RegionChoice } from '../../snapshot/crisis-notices.js';

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface RecordRoutesOptions {
  /** The content types to serve (default: the app's); the store must have been built with them. */
  registry?: Registry;
}

/** A list and an item operation for each content type (signs, causes, … stories). */
export default async function recordRoutes(fastify: FastifyInstance, { registry = CONTENT_REGISTRY }: RecordRoutesOptions = {}) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  for (const entry of registry) {
    // A test's registry may name types beyond the app's; everything below only passes them on.
    const { collection, type, label } = entry as { collection: RecordCollection; type: RecordType; label: string };
    const facets = Object.keys(entry.facets);
    const item = recordSchemaOf(entry);
    const listQuery = listQueryOf(entry);
    const listDefaults = defaultsOf(listQuery);
    const itemQuery = itemQueryOf(entry);
    const itemDefaults = defaultsOf(itemQuery);
    const path = `/v1/${collection}`;
    const facetText = facets.length ? ` Filter by ${facets.map((f) => `\`${f}\``).join(', ')} and by \`topic\`.` : ' Filter by `topic`.';

    const listPage = (query: z.output<typeof listQuery>) => {
      // Only the facets filter: the other parameters shape the page or the answer around it.
      const {
        topic,
        sort,
        limit,
        offset,
        format: _format,
        fields: _fields,
        region: _region,
        ...facetValues
      } = query as z.output<typeof listQuery> & Record<string, string[] | undefined>;
      return app.content.list(collection, { topics: topic, facets: facetValues, sort, limit, offset });
    };

    const listPayload = (query: z.output<typeof listQuery>, region: RegionChoice = named(query.region)) => {
      const page = listPage(query);
      const data = page.items.map((r) => sparse(app.present.record(r, query.format), query.fields));
      return pageAnswer(path, query, listDefaults, { data, total: page.total }, app.present.meta(region));
    };

    const find = (slug: string, query: z.output<typeof itemQuery>) => {
      const record = app.content.get(collection, slug);
      // Only a slug no record has looks at the change log: a renamed one redirects, a removed one is gone.
      if (!record)
        throw missing(`The ${type} "${slug.slice(0, 100)}"`, app.changes.fate(type, slug), (to) =>
          canonicalUrl(hrefOf(collection, to), query, itemDefaults),
        );
      return record;
    };

    const itemPayload = (slug: string, query: z.output<typeof itemQuery>, region: RegionChoice = named(query.region)) => ({
      data: sparse(app.present.record(find(slug, query), query.format), query.fields),
      meta: app.present.meta(region),
      links: {
        self: canonicalUrl(hrefOf(collection, slug), query, itemDefaults),
        html: canonicalUrl(pagePathOf(collection, slug), { region: query.region }),
      },
    });
    // Only the FAQ list has a JSON-LD form (an FAQPage); other lists are not pages of their own.
    const listJsonLd = collection === 'faqs';

    app.get(
      path.slice('/v1'.length),
      {
        schema: {
          operationId: `list${capitalise(collection)}`,
          tags: [collection],
          summary: `List ${label.toLowerCase()}`,
          description: `Pages through every ${type} record, in editorial order unless \`sort\` says otherwise.${facetText} Every response carries the disclaimer and crisis guidance in \`meta\`.${listJsonLd ? ' With `Accept: application/ld+json` the answer is a schema.org `FAQPage` of the same records instead.' : ''}`,
          querystring: listQuery,
          ...(listJsonLd ? { produces: JSON_OR_LD } : {}),
          response: {
            200: pageEnvelope(
              item,
              `A page of ${type} records, with paging links and \`meta\` (disclaimer, crisis guidance, licence, attribution).`,
            ),
            ...problemResponses,
          },
        },
      },
      async (request, reply) => {
        const key = canonicalUrl(path, request.query, listDefaults);
        if (request.representation === JSON_LD_MEDIA)
          return sendJsonLd(request, reply, key, (origin) => faqListJsonLd(listPage(request.query).items, app.present.jsonLd(origin)));
        return sendAnswer(reply, key, () => listPayload(request.query, request.region ?? undefined));
      },
    );

    app.get(
      `/${collection}/:slug`,
      {
        schema: {
          operationId: `get${capitalise(type)}`,
          tags: [collection],
          summary: `Get one ${type} by slug`,
          description: `Returns one ${type} record with its topics, sources and review dates; \`links.html\` is its page for people. Slugs are stable; if a record is ever renamed, its old slug answers 301 to the new one (then 410 after its Sunset date), and a removed record's slug answers 410 (see \`/v1/changes\`). With \`Accept: application/ld+json\` the answer is the schema.org JSON-LD of its page instead.`,
          params: slugParams(entry.api.example.slug),
          querystring: itemQuery,
          produces: JSON_OR_LD,
          response: {
            200: itemEnvelope(item, `The ${type}, with \`meta\` (disclaimer, crisis guidance, licence, attribution).`),
            ...itemProblemResponses,
          },
        },
      },
      async (request, reply) => {
        const { slug } = request.params;
        // The JSON-LD describes the record's page, whatever format, fields or region the query names.
        if (request.representation === JSON_LD_MEDIA)
          return sendJsonLd(request, reply, hrefOf(collection, slug), (origin) =>
            recordJsonLd(find(slug, request.query), app.present.jsonLd(origin)),
          );
        return sendAnswer(reply, canonicalUrl(hrefOf(collection, slug), request.query, itemDefaults), () =>
          itemPayload(slug, request.query, request.region ?? undefined),
        );
      },
    );

    // Prepared at store open: the collection's first page and every record, as first asked for.
    const firstPage = listQuery.parse({});
    const plainItem = itemQuery.parse({});
    app.prepareAnswers(() => [
      { key: canonicalUrl(path, firstPage, listDefaults), compute: () => listPayload(firstPage) },
      ...app.content.all(collection).map((r) => ({
        key: canonicalUrl(hrefOf(collection, r.slug), plainItem, itemDefaults),
        compute: () => itemPayload(r.slug, plainItem),
      })),
    ]);
  }
}
