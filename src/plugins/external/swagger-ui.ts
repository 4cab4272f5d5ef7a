import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { PROJECT_ROOT } from '../../config.js';
import { OPENAPI_PATH } from './swagger.js';

// The UI's own files, served from the installed package: the plugin itself is bundled into
// dist/server.mjs, so it cannot find them beside its source.
const ASSETS = resolve(PROJECT_ROOT, 'node_modules/@fastify/swagger-ui/static');

const DOCS_PREFIX = '/docs';
const INDEX_PATH = `${DOCS_PREFIX}/static/index.html`;
const ANY_FILE = `${DOCS_PREFIX}/*`;

// Interactive documentation for developers at /docs.
export default fp(
  async function swaggerUi(app: FastifyInstance) {
    await app.register(fastifySwaggerUi, {
      routePrefix: DOCS_PREFIX,
      baseDir: ASSETS,
      logo: { type: 'image/svg+xml', content: readFileSync(resolve(ASSETS, 'logo.svg')) },
      // The page loads the committed document's route, the address partners are given, rather than
      // the plugin's own /docs/json. The plugin always sets `url` to its own, but swagger-ui loads
      // `urls` (shown in the top bar) in preference to it.
      uiConfig: {
        docExpansion: 'list',
        deepLinking: true,
        displayOperationId: true,
        defaultModelsExpandDepth: 0,
        urls: [{ url: OPENAPI_PATH, name: OPENAPI_PATH }],
      },
      // The app-wide helmet policy already allows the UI's same-origin scripts and styles.
      staticCSP: false,
      // The plugin redirects /docs/static/index.html to /docs/ only when the URL ends there, so
      // with a query string it redirected to itself forever; any query now leads to /docs/ too.
      uiHooks: {
        onRequest: (request, reply, done) => {
          // With baseDir the plugin also serves any file of that folder under /docs/*: the UI
          // needs none of them there, so that route answers like any unknown URL.
          if (request.routeOptions.url === ANY_FILE) return reply.callNotFound();
          const [path, query] = request.url.split('?', 2);
          if (query === undefined || path !== INDEX_PATH) return done();
          reply.redirect(`${DOCS_PREFIX}/`);
        },
      },
    });
  },
  { name: 'swagger-ui', dependencies: ['swagger'] },
);
