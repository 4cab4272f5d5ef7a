import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ErrorTexts, renderErrorPage } from '../embed/error-page.js';
import { prefersJson } from '../http/accept.js';
import { HTML_TYPE } from '../http/answer.js';
import { HttpProblem, type ParameterError, parameterErrors } from '../http/problems.js';
import type { CrisisNoticeValue } from '../schemas/crisis.js';

const HTML_ERRORS = new Set([400, 404, 405]);
// Parameter names are echoed on the error page only when they look like parameter names.
const NAME = /^[A-Za-z0-9_.-]{1,40}$/;

/**
 * Errors of HTML pages (embeds, pages for people) as HTML pages in the scope's own words. Only the
 * documented page errors are HTML; JSON clients, server faults and anything else (rate limits,
 * overload) go to the app's problem+json handler, which also logs.
 */
export function htmlErrors(
  app: FastifyInstance,
  texts: ErrorTexts,
  /** The crisis guidance for this request's reader, when the scope can tell more than the default. */
  crisisOf: (request: FastifyRequest) => CrisisNoticeValue = () => app.present.crisis(),
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (!HTML_ERRORS.has(status) || prefersJson(request.headers.accept)) throw error;
    let detail = error.message;
    let errors: ParameterError[] | undefined;
    if (hasZodFastifySchemaValidationErrors(error)) {
      errors = parameterErrors(error, 'is not a parameter of this page', (name) =>
        NAME.test(name) ? name : '(an unrecognised parameter)',
      );
      detail = errors.length === 1 ? 'One value in the link is not valid.' : `${errors.length} values in the link are not valid.`;
    } else if (error instanceof HttpProblem) {
      errors = error.errors;
      if (status === 405) reply.header('allow', 'GET, HEAD, OPTIONS');
    }
    return reply
      .code(status)
      .type(HTML_TYPE)
      .send(renderErrorPage(status, detail, errors, { disclaimer: app.content.disclaimer, crisis: crisisOf(request) }, texts));
  });
}
