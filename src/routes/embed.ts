import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { type EmbedDocument, listDocument, topicDocument } from '../embed/documents.js';
import { renderErrorPage } from '../embed/error-page.js';
import { html } from '../embed/html.js';
import { EMBED_CSP } from '../embed/page.js';
import { renderEmbed } from '../embed/sections.js';
import { oembedPath } from '../embed/urls.js';
import { prefersJson } from '../http/accept.js';
import { answer, type AnswerKind } from '../http/answer.js';
import { canonicalUrl } from '../http/canonical.js';
import { HttpProblem, type ParameterError, parameterErrors } from '../http/problems.js';
import { publicOrigin } from '../http/public-origin.js';
import { EMBED_PAGE_EXAMPLE, embedErrorResponses, embedListQuery, embedTopicParams, embedTopicQuery, htmlResponse } from '../schemas/embeds.js';
import { defaultsOf } from '../schemas/queries.js';
import { publicRoutes } from '../plugins/app/cache-control.js';
import { addVary } from '../http/vary.js';
import embedBuilderRoutes from './embed-builder.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Content-Security-Policy for this route; embed routes default to the script-free one. */
    csp?: string;
  }
}

const HTML = 'text/html; charset=utf-8';
const HTML_PAGE: AnswerKind<string> = { mediaType: HTML, serialize: (page) => page };
const TOPIC_DEFAULTS = defaultsOf(embedTopicQuery);
const LIST_DEFAULTS = defaultsOf(embedListQuery);
const HTML_ERRORS = new Set([400, 404, 405]);
// Parameter names are echoed on the error page only when they look like parameter names.
const NAME = /^[A-Za-z0-9_.-]{1,40}$/;

/**
 * Clinician embeds under /embed: HTML pages meant for other sites' iframes, so they are framable
 * from anywhere, carry no script, and answer errors as HTML pages too (problem+json for clients
 * that prefer JSON, via the app's own error handler).
 */
export default async function embedRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.addHook('onRequest', (_request, reply, done) => {
    // Errors are negotiated on Accept; set early so compression appends Accept-Encoding to it.
    addVary(reply, 'accept');
    done();
  });
  app.addHook('onSend', async (request, reply) => {
    // Whatever global security headers the app adds, these pages exist to be framed.
    reply.removeHeader('x-frame-options');
    reply.header('content-security-policy', request.routeOptions.config?.csp ?? EMBED_CSP);
    reply.header('cross-origin-resource-policy', 'cross-origin');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    // Only the documented page errors are HTML; JSON clients, server faults and anything else
    // (rate limits, overload) go to the app's problem+json handler, which also logs.
    if (!HTML_ERRORS.has(status) || prefersJson(request.headers.accept)) throw error;
    let detail = error.message;
    let errors: ParameterError[] | undefined;
    if (hasZodFastifySchemaValidationErrors(error)) {
      errors = parameterErrors(error, 'is not a parameter of this page', (name) => (NAME.test(name) ? name : '(an unrecognised parameter)'));
      detail = errors.length === 1 ? 'One value in the link is not valid.' : `${errors.length} values in the link are not valid.`;
    } else if (error instanceof HttpProblem) {
      errors = error.errors;
      if (status === 405) reply.header('allow', 'GET, HEAD, OPTIONS');
    }
    return reply.code(status).type(HTML).send(renderErrorPage(status, detail, errors, { disclaimer: app.content.disclaimer, crisis: app.help.crisis(undefined) }));
  });

  app.setNotFoundHandler(async (request) => {
    if (!['GET', 'HEAD'].includes(request.method)) throw new HttpProblem(405, `Embeds are read-only: ${request.method} is not allowed. Use GET.`);
    throw new HttpProblem(404, 'No embed lives at this address. Topic embeds are at /embed/topics/{slug}, hand-picked lists at /embed/list.');
  });

  await app.register(publicRoutes);

  const page = (doc: EmbedDocument, origin: string) => {
    const discovery = html`<link rel="alternate" type="application/json+oembed" href="${origin}${oembedPath(origin + doc.path)}" title="${doc.title}">\n`;
    return renderEmbed(doc, origin, { disclaimer: app.content.disclaimer, crisis: app.help.crisis(doc.options.region) }, discovery);
  };
  // Pages depend on the canonical URL, the content version and the origin in their absolute
  // links; with PUBLIC_BASE_URL set that origin is fixed, so the URL alone keys a page.
  const send = (reply: FastifyReply, key: string, origin: string, doc: () => EmbedDocument) =>
    answer(reply, app.answers, app.publicBaseOrigin ? key : `${origin}${key}`, () => page(doc(), origin), HTML_PAGE);

  app.get(
    '/topics/:slug',
    {
      schema: {
        operationId: 'getTopicEmbed',
        tags: ['Embeds'],
        summary: 'Embeddable resource list for a topic',
        description:
          'A self-contained, accessible HTML page (inline CSS, no scripts, no external requests) listing the chosen sections of a topic: each item\'s title and summary, what it is based on, review dates, a link to the full content, and always the disclaimer and crisis guidance. Put it in an `<iframe>` (any site may frame it), or get the snippet from `/oembed`. Prints as a one- or two-page handout.',
        params: embedTopicParams,
        querystring: embedTopicQuery,
        response: { 200: htmlResponse('The embed page.', EMBED_PAGE_EXAMPLE), ...embedErrorResponses('No topic has this slug.') },
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      const key = canonicalUrl(`/embed/topics/${slug}`, request.query, TOPIC_DEFAULTS);
      return send(reply, key, publicOrigin(request, reply), () => {
        const doc = topicDocument(app.content, slug, request.query);
        if (doc) return doc;
        const known = app.content.listTopics().map((t) => t.slug).join(', ');
        throw new HttpProblem(404, `No topic has this slug. The topics are: ${known}.`);
      });
    },
  );

  app.get(
    '/list',
    {
      schema: {
        operationId: 'getListEmbed',
        tags: ['Embeds'],
        summary: 'Embeddable list of hand-picked records',
        description:
          'The same self-contained HTML page for records picked across topics (`items=strategy:journaling,therapy:counselling`), in the order given, under an optional `title`. Every unknown record is reported at once.',
        querystring: embedListQuery,
        response: { 200: htmlResponse('The embed page.', EMBED_PAGE_EXAMPLE.replace('Emotional withdrawal', 'Selected resources')), ...embedErrorResponses() },
      },
    },
    async (request, reply) => {
      const key = canonicalUrl('/embed/list', request.query, LIST_DEFAULTS);
      return send(reply, key, publicOrigin(request, reply), () => listDocument(app.content, request.query));
    },
  );

  await app.register(embedBuilderRoutes);
}
