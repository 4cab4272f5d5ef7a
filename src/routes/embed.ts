import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type EmbedDocument, listDocument, topicDocument } from '../embed/documents.js';
import { EMBED_ERROR_TEXTS } from '../embed/error-page.js';
import { html } from '../embed/html.js';
import { EMBED_CSP } from '../embed/page.js';
import { renderEmbed } from '../embed/sections.js';
import { oembedPath } from '../embed/urls.js';
import { htmlAnswer, sendAnswer } from '../http/answer.js';
import { canonicalUrl } from '../http/canonical.js';
import { HttpProblem } from '../http/problems.js';
import { keyWithOrigin, publicOrigin } from '../http/public-origin.js';
import {
  EMBED_PAGE_EXAMPLE,
  embedErrorResponses,
  embedListQuery,
  embedTopicParams,
  embedTopicQuery,
  htmlResponse,
} from '../schemas/embeds.js';
import { defaultsOf } from '../schemas/queries.js';
import { publicRoutes } from '../plugins/app/cache-control.js';
import { addVary } from '../http/vary.js';
import embedBuilderRoutes from './embed-builder.js';
import { htmlErrors } from './html-errors.js';
import { named } from '../snapshot/crisis-notices.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Content-Security-Policy for this route; embed routes default to the script-free one. */
    csp?: string;
  }
}

const TOPIC_DEFAULTS = defaultsOf(embedTopicQuery);
const LIST_DEFAULTS = defaultsOf(embedListQuery);

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

  htmlErrors(app, EMBED_ERROR_TEXTS);

  app.setNotFoundHandler(async (request) => {
    if (!['GET', 'HEAD'].includes(request.method))
      throw new HttpProblem(405, `Embeds are read-only: ${request.method} is not allowed. Use GET.`);
    throw new HttpProblem(
      404,
      'No embed lives at this address. Topic embeds are at /embed/topics/{slug}, hand-picked lists at /embed/list.',
    );
  });

  await app.register(publicRoutes);

  const page = (doc: EmbedDocument, origin: string) => {
    const discovery = html`<link rel="alternate" type="application/json+oembed" href="${origin}${oembedPath(origin + doc.path)}" title="${doc.title}">\n`;
    return renderEmbed(
      doc,
      origin,
      { disclaimer: app.content.disclaimer, crisis: app.present.crisis(named(doc.options.region)) },
      discovery,
    );
  };
  // Pages depend on the canonical URL, the content version and the origin in their absolute links.
  const send = (reply: FastifyReply, key: string, origin: string, doc: () => EmbedDocument) =>
    sendAnswer(reply, keyWithOrigin(app, origin, key), () => page(doc(), origin), htmlAnswer);

  app.get(
    '/topics/:slug',
    {
      schema: {
        operationId: 'getTopicEmbed',
        tags: ['embeds'],
        summary: 'Embeddable resource list for a topic',
        description:
          "A self-contained, accessible HTML page (inline CSS, no scripts, no external requests) listing the chosen sections of a topic: each item's title and summary, what it is based on, review dates, a link to the full content, and always the disclaimer and crisis guidance. Put it in an `<iframe>` (any site may frame it), or get the snippet from `/oembed`. Prints as a one- or two-page handout.",
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
        const known = app.content
          .listTopics()
          .map((t) => t.slug)
          .join(', ');
        throw new HttpProblem(404, `No topic has this slug. The topics are: ${known}.`);
      });
    },
  );

  app.get(
    '/list',
    {
      schema: {
        operationId: 'getListEmbed',
        tags: ['embeds'],
        summary: 'Embeddable list of hand-picked records',
        description:
          'The same self-contained HTML page for records picked across topics (`items=strategy:journaling,therapy:counselling`), in the order given, under an optional `title`. Every unknown record is reported at once.',
        querystring: embedListQuery,
        response: {
          200: htmlResponse('The embed page.', EMBED_PAGE_EXAMPLE.replace('Emotional withdrawal', 'Selected resources')),
          ...embedErrorResponses(),
        },
      },
    },
    async (request, reply) => {
      const key = canonicalUrl('/embed/list', request.query, LIST_DEFAULTS);
      return send(reply, key, publicOrigin(request, reply), () => listDocument(app.content, request.query));
    },
  );

  await app.register(embedBuilderRoutes);
}
