import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_TYPES, type ProblemTypeName, problemTypeUri } from '../content/problem-types.js';
import type { z } from 'zod';
import type { ParameterError as ParameterErrorSchema, Problem } from '../schemas/common.js';

export type ParameterError = z.output<typeof ParameterErrorSchema>;
/** The body of every error response: the OpenAPI `Problem` component's type. */
export type ProblemBody = z.output<typeof Problem>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

// The problem type of each status; any other status takes its class's catch-all.
const BY_STATUS = new Map<number, ProblemTypeName>(
  Object.entries(PROBLEM_TYPES).flatMap(([name, { status }]) => (status === null ? [] : [[status, name as ProblemTypeName]])),
);

/** An error that becomes an RFC 9457 problem response with this status and detail (and these headers). */
export class HttpProblem extends Error {
  constructor(
    readonly statusCode: number,
    readonly detail: string,
    readonly errors?: ParameterError[],
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

export const notFound = (what: string) => new HttpProblem(404, `${what} does not exist.`);

export const invalidParameters = (errors: ParameterError[]) => {
  const [only] = errors;
  return new HttpProblem(
    400,
    only && errors.length === 1
      ? `The ${only.in} parameter "${only.name}" is invalid: ${only.detail}.`
      : `${errors.length} parameters are invalid: ${errors.map((e) => `"${e.name}"`).join(', ')}.`,
    errors,
  );
};

export function problemBody(statusCode: number, detail: string, instance: string, errors?: ParameterError[]): ProblemBody {
  const name = BY_STATUS.get(statusCode) ?? (statusCode >= 500 ? 'internal-error' : 'bad-request');
  return {
    type: problemTypeUri(name),
    title: PROBLEM_TYPES[name].title,
    status: statusCode,
    detail,
    instance,
    ...(errors ? { errors } : {}),
  };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, statusCode: number, detail: string, errors?: ParameterError[]) {
  return reply
    .code(statusCode)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problemBody(statusCode, detail, request.url.slice(0, 2048), errors)));
}

const WHERE: Record<string, ParameterError['in']> = { querystring: 'query', params: 'path', headers: 'header' };

/**
 * One entry per bad parameter from a zod validation error. `nameOf` may mask parameter names a
 * client made up (an HTML page must not echo arbitrary text as a name).
 */
export function parameterErrors(error: FastifyError, unknownDetail: string, nameOf: (name: string) => string = (n) => n): ParameterError[] {
  const where = WHERE[error.validationContext ?? 'querystring'] ?? 'query';
  return (error.validation ?? []).flatMap((v): ParameterError[] => {
    const keys = (v.params as { keys?: string[] }).keys;
    if (v.keyword === 'unrecognized_keys' && keys) return keys.map((name) => ({ in: where, name: nameOf(name), detail: unknownDetail }));
    const name = v.instancePath.split('/').filter(Boolean)[0] ?? `(${where})`;
    return [{ in: where, name, detail: v.message ?? 'is invalid' }];
  });
}
