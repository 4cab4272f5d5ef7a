import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pagePathOf } from '../content/paths.js';
import { CONTENT_TYPES } from '../content/types.js';
import { CONTENT_REGISTRY } from '../content/registry.js';
import { regionCodeOf } from '../content/regions.js';
import { type ErrorTexts } from '../embed/error-page.js';
import { html } from '../embed/html.js';
import { htmlAnswer, sendAnswer } from '../http/answer.js';
import { canonicalUrl } from '../http/canonical.js';
import { HttpProblem } from '../http/problems.js';
import { keyWithOrigin, publicOrigin } from '../http/public-origin.js';
import { addVary } from '../http/vary.js';
import {
  PAGE_CSP,
  PAGE_STYLES,
  type PageContext,
  renderFaqList,
  renderRecordPage,
  renderSourcePage,
  renderTopicPage,
  renderTopicsIndex,
} from '../pages/render.js';
import { HELP_PAGE_TITLE, renderHelpPage } from '../pages/help.js';
import { SEARCH_PAGE_PATH } from '../pages/search-form.js';
import { renderSearchPage } from '../pages/search.js';
import { publicRoutes } from '../plugins/app/cache-control.js';
import { faqListJsonLd, recordJsonLd, sourceJsonLd, topicJsonLd, topicsIndexJsonLd } from '../snapshot/jsonld.js';
import { pageParams, pageQuery, type PageQuery, pageResponses, SEARCH_PAGE_EXAMPLE, searchPageQuery } from '../schemas/pages.js';
import { defaultsOf } from '../schemas/queries.js';
import type { RecordCollection } from '../content/registry.js';
import { htmlErrors } from './html-errors.js';
import { named } from '../snapshot/crisis-notices.js';
import { answerSearch } from '../snapshot/search-answer.js';
import { detectCrisis } from '../safety/crisis-detection.js';

const PAGE_DEFAULTS = defaultsOf(pageQuery);

const PAGE_ERROR_TEXTS: ErrorTexts = {
  headings: { 400: 'This page link is not valid', 404: 'There is no page at this address' },
  fallback: 'This page cannot be shown',
  hint: html`<p>Start from <a href="/topics">all topics</a> or the <a href="/faqs">questions and answers</a>.</p>`,
  css: PAGE_STYLES,
};

const missing = (what: string) => new HttpProblem(404, `There is no ${what} at this address. Every topic is listed at /topics.`);

/**
 * Pages for people, outside /v1 (like /embed): every topic, record and source as an accessible,
 * script-free HTML page with the disclaimer, crisis guidance, linked sources, review dates and
 * schema.org JSON-LD; plus the topic index and the FAQ list. Errors are HTML pages too.
 */
export default async function pageRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.addHook('onRequest', (_request, reply, done) => {
    // Errors are negotiated on Accept; set early so compression appends Accept-Encoding to it.
    addVary(reply, 'accept');
    done();
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', PAGE_CSP);
  });
  // The parameters did not validate, so they are read as given: a region that names one keeps its
  // lines, and a search that suggests risk gets all of them, as its page would have.
  htmlErrors(app, PAGE_ERROR_TEXTS, (request) => {
    const { q, region } = request.query as Record<string, unknown>;
    const code = typeof region === 'string' ? regionCodeOf(region) : undefined;
    const atRisk = request.routeOptions.url === SEARCH_PAGE_PATH && typeof q === 'string' && detectCrisis(q).detected;
    return app.present.crisis(named(code), atRisk);
  });
  await app.register(publicRoutes);

  const contextOf = (origin: string, options: PageQuery): PageContext => ({
    origin,
    options,
    notices: { disclaimer: app.content.disclaimer, crisis: app.present.crisis(named(options.region)) },
    bodyHtml: (key, markdown) => app.present.body(key, markdown, 'html'),
    codesOf: (type, slug) => app.codes.forRecord(type, slug),
    help: app.help.get(options.region),
    titleOf: (ref) => app.present.recordRef(ref).title,
  });
  // A page depends on its canonical URL, the content version and the origin of its absolute links.
  const send = (
    request: FastifyRequest,
    reply: FastifyReply,
    query: PageQuery,
    path: string,
    render: (ctx: PageContext, origin: string) => string,
  ) => {
    const origin = publicOrigin(request, reply);
    const key = canonicalUrl(path, query, PAGE_DEFAULTS);
    return sendAnswer(reply, keyWithOrigin(app, origin, key), () => render(contextOf(origin, query), origin), htmlAnswer);
  };
  const jsonLdOf = (origin: string) => app.present.jsonLd(origin);

  const schema = (operationId: string, summary: string, description: string) => ({
    operationId,
    tags: ['pages'],
    summary,
    description: `${description} Its head carries the same schema.org JSON-LD as the API's \`application/ld+json\` answer, as a data block; the page runs no scripts.`,
    querystring: pageQuery,
    response: pageResponses('The page.'),
  });
  const itemSchema = (operationId: string, summary: string, description: string, notFound: string, example: string) => ({
    ...schema(operationId, summary, description),
    params: pageParams(example),
    response: pageResponses('The page.', notFound),
  });

  app.get(
    '/topics',
    { schema: schema('getTopicsPage', 'Page listing the topics', "An HTML page linking to each topic's page.") },
    async (request, reply) =>
      send(request, reply, request.query, pagePathOf('topics'), (ctx, origin) => {
        const topics = app.content.listTopics();
        return renderTopicsIndex(topics, topicsIndexJsonLd(topics, jsonLdOf(origin)), ctx);
      }),
  );

  app.get(
    '/topics/:slug',
    {
      schema: itemSchema(
        'getTopicPage',
        'Page for a topic',
        "A topic's page: definition, key points, body, how it differs, and links to the pages of all its records.",
        'No topic has this slug.',
        'emotional-withdrawal',
      ),
    },
    async (request, reply) => {
      const { slug } = request.params;
      return send(request, reply, request.query, pagePathOf('topics', slug), (ctx, origin) => {
        const topic = app.content.getTopic(slug);
        if (!topic) throw missing('topic');
        const related = Object.fromEntries(
          CONTENT_TYPES.map(({ collection }) => [collection, app.content.forTopic(collection, slug)]),
        ) as Record<RecordCollection, ReturnType<typeof app.content.forTopic>>;
        return renderTopicPage(topic, related, topicJsonLd(topic, jsonLdOf(origin)), ctx);
      });
    },
  );

  app.get(
    '/faqs',
    { schema: schema('getFaqsPage', 'Page listing the questions and answers', "An HTML page linking to every question's page.") },
    async (request, reply) =>
      send(request, reply, request.query, pagePathOf('faqs'), (ctx, origin) => {
        const faqs = app.content.all('faqs');
        return renderFaqList(faqs, faqListJsonLd(faqs, jsonLdOf(origin)), ctx);
      }),
  );

  for (const { collection, type, label, api } of CONTENT_REGISTRY) {
    app.get(
      `/${collection}/:slug`,
      {
        schema: itemSchema(
          `get${type.charAt(0).toUpperCase()}${type.slice(1)}Page`,
          `Page for one ${type}`,
          `The page of one record of ${label.toLowerCase()}: its summary, body, topics (linked to their pages), sources and review dates.`,
          `No ${type} has this slug.`,
          api.example.slug,
        ),
      },
      async (request, reply) => {
        const { slug } = request.params;
        return send(request, reply, request.query, pagePathOf(collection, slug), (ctx, origin) => {
          const record = app.content.get(collection, slug);
          if (!record) throw missing(type);
          return renderRecordPage(record, recordJsonLd(record, jsonLdOf(origin)), ctx);
        });
      },
    );
  }

  app.get(
    '/help',
    {
      schema: {
        operationId: 'getHelpPage',
        tags: ['pages'],
        summary: HELP_PAGE_TITLE,
        description:
          'The help directory as a page for people, for one country (`region`) or anywhere else: what to do in an emergency, crisis lines with how to reach each and when they are open, a helpline directory where no country is covered, when to see a doctor, and the official page every fact was checked against. The infobutton and the CDS Hooks service link here when a record names suicidal thoughts, self-harm or a suicide attempt. The page runs no scripts.',
        querystring: pageQuery,
        response: pageResponses('The page.'),
      },
    },
    async (request, reply) =>
      send(request, reply, request.query, '/help', (ctx) => {
        const covered = app.help.get(request.query.region);
        return renderHelpPage(
          {
            entry: covered ?? app.help.international,
            region: covered ? request.query.region : undefined,
            regions: app.help.regions().map((region) => ({ region, name: app.help.get(region)?.name ?? region })),
            message: app.content.crisis,
          },
          ctx,
        );
      }),
  );

  app.get(
    SEARCH_PAGE_PATH,
    {
      schema: {
        operationId: 'getSearchPage',
        tags: ['pages'],
        summary: 'Search page',
        description:
          "The search as a page for people: a search form, then the same answer as `GET /v1/search` (the same ranking, spelling correction and crisis detection), each result linked to its page. When the query suggests someone may be at risk, the region's crisis lines (dialable) and a link to the help page come first, before any result. When nothing matches well, the page says so and suggests topics and where to find support. Without `q`, the form and every topic. Results pages are not for search engines (`noindex`). The page runs no scripts.",
        querystring: searchPageQuery,
        response: pageResponses('The page.', undefined, SEARCH_PAGE_EXAMPLE),
      },
    },
    async (request, reply) =>
      send(request, reply, request.query, SEARCH_PAGE_PATH, (ctx) => {
        const { q, type, limit, offset, region } = request.query;
        const answer = q?.trim()
          ? answerSearch({ search: app.searchIndex, content: app.content }, { q, types: type, limit, offset })
          : undefined;
        const help = app.help.get(region) ?? app.help.international;
        return renderSearchPage({ query: request.query, answer, topics: app.content.listTopics(), help }, ctx);
      }),
  );

  app.get(
    '/sources/:slug',
    {
      schema: itemSchema(
        'getSourcePage',
        'Page for a source',
        'A cited work: its citation (linked to the work or its DOI), authors and what the content uses it for.',
        'No source has this slug.',
        'gunther-2020',
      ),
    },
    async (request, reply) => {
      const { slug } = request.params;
      return send(request, reply, request.query, pagePathOf('sources', slug), (ctx, origin) => {
        const source = app.content.getSource(slug);
        if (!source) throw missing('source');
        return renderSourcePage(source, sourceJsonLd(source, jsonLdOf(origin)), ctx);
      });
    },
  );
}
