import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { hrefOf } from '../../content/paths.js';
import { sendAnswer } from '../../http/answer.js';
import { canonicalUrl } from '../../http/canonical.js';
import { pageAnswer } from '../../http/paging.js';
import { named, type RegionChoice } from '../../snapshot/crisis-notices.js';
import type { MappedCode } from '../../repositories/codes-repository.js';
import { CodeMapping, codesQuery } from '../../schemas/codes.js';
import { pageEnvelope, problemResponses } from '../../schemas/envelopes.js';
import { defaultsOf } from '../../schemas/queries.js';

const PATH = '/v1/codes';
const DEFAULTS = defaultsOf(codesQuery);

const mappingOf = (m: MappedCode): z.input<typeof CodeMapping> => ({
  system: m.system,
  code: m.code,
  title: m.title,
  helpFirst: m.helpFirst,
  records: m.records.map((r) => ({
    type: r.item.type,
    slug: r.item.slug,
    title: r.item.title,
    href: hrefOf(r.collection, r.item.slug),
    rank: r.rank,
    reason: r.reason,
  })),
});

/** The code map: which clinical codes the infobutton and the CDS Hooks service answer, and with what. */
export default async function codeRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  const payload = (query: z.output<typeof codesQuery>, region: RegionChoice = named(query.region)) => {
    const { system, limit, offset } = query;
    const codes = app.codes.all().filter((c) => !system || c.system === system);
    const data = codes.slice(offset, offset + limit).map(mappingOf);
    return pageAnswer(PATH, query, DEFAULTS, { data, total: codes.length }, app.present.meta(region));
  };

  app.get(
    '/codes',
    {
      schema: {
        operationId: 'listCodes',
        tags: ['clinical'],
        summary: 'The clinical code map',
        description:
          'Every clinical code the infobutton (`/v1/infobutton`) and the CDS Hooks service (`/cds-services`) answer, in code order: its official title, the topics and records mapped to it (best first, with why), and whether it is a help-first code (suicidal thoughts, self-harm, suicide attempts), which answers with the help directory first and never with content alone. A code not listed falls back to the nearest code above it that is (ICD-10-CM: drop the last character), or answers with nothing. No SNOMED CT code is mapped yet.',
        querystring: codesQuery,
        response: {
          200: pageEnvelope(
            CodeMapping,
            'A page of codes, with paging links and `meta` (disclaimer, crisis guidance, licence, attribution).',
            PATH,
          ),
          ...problemResponses,
        },
      },
    },
    async (request, reply) =>
      sendAnswer(reply, canonicalUrl(PATH, request.query, DEFAULTS), () => payload(request.query, request.region ?? undefined)),
  );

  // Prepared at store open: the first page, where an integrator starts.
  const firstPage = codesQuery.parse({});
  app.prepareAnswers(() => [{ key: canonicalUrl(PATH, firstPage, DEFAULTS), compute: () => payload(firstPage) }]);
}
