// The OpenAPI document as data for the fuzzer: every operation, its parameters, and a JSON
// Schema validator per documented response. Nothing here knows about particular routes.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  example?: unknown;
  examples?: unknown[];
  items?: JsonSchema;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
  example?: unknown;
}

export interface DocResponse {
  content?: Record<string, { schema?: unknown }>;
  /** Set where `fields` may trim the items of `data` (src/openapi/sparse-fieldsets.ts). */
  'x-sparse-fieldset'?: unknown;
}

export interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  responses: Record<string, DocResponse>;
  /** JSON pointer of the operation inside the document, for Ajv `$ref`s. */
  pointer: string;
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, unknown> & { parameters?: Parameter[] }>;
  components?: unknown;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const pointerOf = (...parts: string[]) => `#/${parts.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')}`;

/** Every operation (path + method) in the document, with path-level parameters merged in. */
export function operationsOf(doc: OpenApiDoc): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => {
      const op = item[method] as { parameters?: Parameter[]; responses?: Record<string, DocResponse> };
      const own = op.parameters ?? [];
      const inherited = (item.parameters ?? []).filter((p) => !own.some((o) => o.name === p.name && o.in === p.in));
      return {
        method: method.toUpperCase(),
        path,
        parameters: [...inherited, ...own],
        responses: op.responses ?? {},
        pointer: pointerOf('paths', path, method),
      };
    }),
  );
}

/** The document with no `required` list: every property may be left out, and each is still checked if present. */
const withoutRequired = (node: unknown): unknown =>
  Array.isArray(node)
    ? node.map(withoutRequired)
    : node && typeof node === 'object'
      ? Object.fromEntries(
          Object.entries(node)
            .filter(([key, value]) => !(key === 'required' && Array.isArray(value)))
            .map(([key, value]) => [key, withoutRequired(value)]),
        )
      : node;

/** Validates bodies against the schemas of one document, compiled once per schema. */
function validatorFor(doc: unknown) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  // ajv-formats is CommonJS: under NodeNext its function is the default export's `default`.
  addFormats.default(ajv);
  ajv.addSchema(doc as object, 'openapi.json');
  const cache = new Map<string, ValidateFunction>();
  return (ref: string, body: unknown): string | undefined => {
    let validate = cache.get(ref);
    if (!validate) cache.set(ref, (validate = ajv.compile({ $ref: ref })));
    return validate(body) ? undefined : ajv.errorsText(validate.errors?.slice(0, 5), { dataVar: 'body' });
  };
}

/**
 * Validates a body against the schema documented for (operation, status, media type). The whole
 * document is registered with Ajv, so `#/components/schemas/…` references resolve as they do
 * for a client generator. A `sparse` answer (the request named `fields`) is checked as the
 * response's `x-sparse-fieldset` says: items are their schema with the fields not named left
 * out, so it is checked with every property optional (each one present still checked).
 */
export function responseValidator(doc: OpenApiDoc) {
  const whole = validatorFor(doc);
  const trimmed = validatorFor(withoutRequired(doc));
  return (op: Operation, status: string, mediaType: string, body: unknown, sparse = false): string | undefined => {
    const ref = `openapi.json${op.pointer}/responses/${encodeURIComponent(status)}/content/${encodeURIComponent(mediaType.replace(/\//g, '~1'))}/schema`;
    const isTrimmed = sparse && op.responses[status]?.['x-sparse-fieldset'] !== undefined;
    return (isTrimmed ? trimmed : whole)(ref, body);
  };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const segmentsOf = (path: string) => path.split('/').filter(Boolean);

export interface Match {
  /** The operation the router serves this URL with, if any. */
  exact?: Operation;
  /** The operation itself, else those sharing the longest leading path: the URL's family. */
  family: Operation[];
}

/**
 * Which documented operation a request reaches, as the router sees it: the URL is normalised
 * like an HTTP client would (dot segments), one trailing slash is ignored, and a literal segment
 * wins over a parameter.
 */
export function operationMatcher(operations: Operation[]) {
  const patterns = operations.map((op) => ({
    op,
    params: (op.path.match(/\{[^}]+\}/g) ?? []).length,
    regex: new RegExp(
      `^${op.path
        .split(/\{[^}]+\}/)
        .map(escapeRegExp)
        .join('[^/]+')}$`,
    ),
  }));
  patterns.sort((a, b) => a.params - b.params);
  const shared = (template: string, path: string) => {
    const [a, b] = [segmentsOf(template), segmentsOf(path)];
    let n = 0;
    while (n < a.length && n < b.length && (a[n] === b[n] || a[n]!.startsWith('{'))) n++;
    return n;
  };
  return (method: string, url: string): Match => {
    let path = new URL(url, 'http://localhost').pathname;
    if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
    const candidates = patterns.filter((p) => p.op.method === method);
    const exact = candidates.find((p) => p.regex.test(path))?.op;
    if (exact) return { exact, family: [exact] };
    const longest = Math.max(0, ...candidates.map((p) => shared(p.op.path, path)));
    return { family: longest ? candidates.filter((p) => shared(p.op.path, path) === longest).map((p) => p.op) : [] };
  };
}
