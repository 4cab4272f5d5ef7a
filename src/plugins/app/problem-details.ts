import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HttpProblem, parameterErrors, sendProblem } from '../../http/problems.js';
import { MovedPermanently } from '../../http/successor.js';
import { isListParameter } from '../../schemas/lists.js';

const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';
const STORE_RETRY_AFTER_SECONDS = 5;

/**
 * SQLite errors that mean the store file itself is unusable (truncated or overwritten in place,
 * unreadable), not a fault in the request: the service is unavailable until a valid store is
 * renamed into place, so they answer 503 rather than 500.
 */
export function isStoreUnavailable(error: { name?: string; code?: unknown; message?: string }): boolean {
  if (error.name !== 'SqliteError' || typeof error.code !== 'string') return false;
  if (/^SQLITE_(CORRUPT|NOTADB|IOERR|CANTOPEN|SCHEMA|BUSY|LOCKED)/.test(error.code)) return true;
  return error.code === 'SQLITE_ERROR' && /^no such (table|column)/.test(error.message ?? '');
}

/**
 * The list parameters of a route's querystring schema. Only a request that repeats a key asks,
 * so they are worked out then, not kept.
 */
function listParametersOf(schema: unknown): ReadonlySet<string> {
  if (!(schema instanceof z.ZodObject)) return new Set();
  return new Set(
    Object.entries(schema.shape as Record<string, unknown>).flatMap(([name, field]) => (isListParameter(field) ? [name] : [])),
  );
}

/**
 * Every error leaves as RFC 9457 problem+json: validation errors list each bad parameter,
 * client errors keep their message, anything unexpected is logged and answered generically.
 */
export default fp(
  async function problemDetails(app: FastifyInstance) {
    // Fastify parses a repeated key (?limit=1&limit=2) into an array. A list parameter takes it as
    // its values, as if comma-separated (src/schemas/lists.ts); a scalar parameter rejects it.
    // A callback hook: it runs for every request.
    app.addHook('preValidation', (request, _reply, done) => {
      const query = request.query as Record<string, unknown> | undefined;
      if (!query || typeof query !== 'object') return done();
      const repeated = Object.entries(query).filter((entry): entry is [string, unknown[]] => Array.isArray(entry[1]));
      if (repeated.length === 0) return done();
      const lists = listParametersOf(request.routeOptions.schema?.querystring);
      const scalars = repeated.filter(([name]) => !lists.has(name));
      if (scalars.length > 0)
        return done(
          new HttpProblem(
            400,
            `Each query parameter may be given only once; repeated: ${scalars.map(([k]) => `"${k}"`).join(', ')}. Only list parameters take several values.`,
            scalars.map(([name]) => ({
              in: 'query',
              name,
              detail: 'is repeated; give it once (only list parameters take several values)',
            })),
          ),
        );
      for (const [name, values] of repeated) query[name] = values.join(',');
      done();
    });

    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (hasZodFastifySchemaValidationErrors(error)) {
        const errors = parameterErrors(error, 'is not a parameter of this operation');
        const [only] = errors;
        const detail =
          only && errors.length === 1
            ? `The ${only.in} parameter "${only.name}" ${only.detail.startsWith('is ') ? only.detail : only.detail.replace(/^/, 'is invalid: ')}.`
            : `${errors.length} parameters are invalid: ${[...new Set(errors.map((e) => `"${e.name}"`))].join(', ')}.`;
        return sendProblem(request, reply, 400, detail, errors);
      }
      // Not an error to the client: a renamed record's old address, found on the not-found path.
      if (error instanceof MovedPermanently) return reply.code(301).headers(error.headers).send();
      if (error instanceof HttpProblem) {
        if (error.statusCode === 405) reply.header('allow', ALLOWED_METHODS);
        if (error.headers) reply.headers(error.headers);
        return sendProblem(request, reply, error.statusCode, error.detail, error.errors);
      }
      if (isStoreUnavailable(error)) {
        request.log.error({ err: error }, 'the content store cannot answer; replace it by renaming a valid store into place');
        reply.header('retry-after', STORE_RETRY_AFTER_SECONDS);
        return sendProblem(request, reply, 503, 'The content store is unavailable; please retry shortly.');
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        // Fastify's own client errors (bad URL, oversized body …) carry safe, useful messages.
        return sendProblem(request, reply, status, error.message);
      }
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(
        request,
        reply,
        status >= 500 && status < 600 ? status : 500,
        'The server could not answer this request. Please try again later.',
      );
    });

    app.setNotFoundHandler((request, reply) => {
      if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
        reply.header('allow', ALLOWED_METHODS);
        return sendProblem(request, reply, 405, `This API is read-only: ${request.method} is not allowed. Use ${ALLOWED_METHODS}.`);
      }
      const [pathname = ''] = request.url.split('?');
      const path = pathname.slice(0, 200);
      return sendProblem(request, reply, 404, `No resource at ${path}. See /docs for the available endpoints.`);
    });
  },
  { name: 'problem-details' },
);
