import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ContentRecord } from '../repositories/content-repository.js';
import { BUILDER_CSP, DEFAULT_SECTIONS, renderBuilder } from '../embed/builder-page.js';
import { BUILDER_SCRIPT } from '../embed/builder-script.js';
import { topicDocument } from '../embed/documents.js';
import { oembedFor } from '../embed/oembed.js';
import { publicOrigin } from '../http/public-origin.js';
import { EMBED_COLLECTIONS, type EmbedCollection, embedErrorResponses, htmlResponse, noQuery } from '../schemas/embeds.js';

const BUILDER_EXAMPLE =
  '<!doctype html>\n<html lang="en" data-theme="light" data-layout="full">\n<head>…<title>Embed builder</title>\n<script src="/embed/builder.js" defer></script>…</head>\n<body>\n<header><h1>Embed builder</h1>…</header>…<form id="builder" …>…</form>…<iframe id="preview" class="preview" title="Preview of the embed" src="…"></iframe>…<textarea id="snippet" readonly>&lt;iframe …&gt;</textarea>…</body>\n</html>\n';

/** GET /embed: where a clinician picks content, previews it and copies the snippet. */
export default async function embedBuilderRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '',
    {
      config: { csp: BUILDER_CSP },
      schema: {
        operationId: 'getEmbedBuilder',
        tags: ['embeds'],
        summary: 'Embed builder page',
        description:
          'An accessible page for clinicians: pick a topic and sections, or individual records, choose theme, layout and language, see a live preview, and copy the iframe snippet or the link. Its one script is served from `/embed/builder.js`.',
        querystring: noQuery,
        response: { 200: htmlResponse('The builder page.', BUILDER_EXAMPLE), ...embedErrorResponses() },
      },
    },
    async (request, reply) => {
      const origin = publicOrigin(request, reply);
      const topics = app.content.listTopics();
      const [first] = topics;
      const initial = first && topicDocument(app.content, first.slug, { sections: DEFAULT_SECTIONS, theme: 'light', lang: 'en' });
      if (!initial) throw new Error('The store has no topic to open the embed builder with.');
      const initialUrl = `${origin}${initial.path}`;
      const records = Object.fromEntries(
        EMBED_COLLECTIONS.map((c) => [c, app.content.list(c, { sort: { key: 'title', descending: false }, limit: 1000, offset: 0 }).items]),
      ) as Record<EmbedCollection, ContentRecord[]>;
      const snippet = oembedFor(initial, new URL(initialUrl), origin, { cacheAge: 0 }).html;
      return reply
        .type('text/html; charset=utf-8')
        .send(
          renderBuilder(
            { topics, records, initialUrl, initialSnippet: snippet, origin },
            { disclaimer: app.content.disclaimer, crisis: app.present.crisis() },
          ),
        );
    },
  );

  app.get('/builder.js', { config: { csp: "default-src 'none'" }, schema: { hide: true } }, async (_request, reply) => {
    return reply.type('text/javascript; charset=utf-8').send(BUILDER_SCRIPT);
  });
}
