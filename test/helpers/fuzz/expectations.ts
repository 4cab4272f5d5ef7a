// What every response must satisfy, whatever was asked: no 5xx, 2xx bodies as documented,
// 4xx as problem+json (or the documented type, e.g. an HTML error page for embeds).
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { DocResponse, Match, Operation } from './operations.js';

export interface Reply {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  rawPayload: Buffer;
}

type Validate = (op: Operation, status: string, mediaType: string, body: unknown) => string | undefined;

const DECODE: Record<string, (b: Buffer) => Buffer> = { gzip: gunzipSync, br: brotliDecompressSync, deflate: inflateSync };
const PROBLEM = 'application/problem+json';

/** The body as text, undoing any content-encoding the client asked for. */
export function bodyText(res: Reply): string {
  const decode = DECODE[String(res.headers['content-encoding'] ?? '')];
  return (decode ? decode(res.rawPayload) : res.rawPayload).toString('utf8');
}

// The response key that documents a status: exact, then a range (4XX), then `default`.
const keyOf = (op: Operation | undefined, status: number) =>
  [String(status), `${String(status)[0]}XX`, 'default'].find((k) => op?.responses[k]);
const documented = (op: Operation | undefined, status: number): DocResponse | undefined => op?.responses[keyOf(op, status) ?? ''];

function parse(text: string): { json?: unknown; error?: string } {
  try {
    return { json: JSON.parse(text) };
  } catch (error) {
    return { error: `body is not JSON: ${(error as Error).message}` };
  }
}

function checkBody(op: Operation, status: number, mediaType: string, text: string, validate: Validate): string | undefined {
  if (mediaType === 'text/html')
    return /^\s*</.test(text) && /<[a-z!][^>]*>/i.test(text) ? undefined : 'text/html body is empty or not HTML';
  if (!/[/+]json$/.test(mediaType)) return undefined;
  const { json, error } = parse(text);
  return error ?? validate(op, keyOf(op, status)!, mediaType, json);
}

function checkProblem(status: number, text: string): string | undefined {
  const { json, error } = parse(text);
  if (error) return error;
  const p = json as Record<string, unknown>;
  const missing = ['type', 'title', 'detail', 'instance'].filter((k) => typeof p[k] !== 'string');
  if (missing.length) return `problem lacks string ${missing.join(', ')}`;
  return p.status === status ? undefined : `problem status ${String(p.status)} differs from HTTP status ${status}`;
}

/** Why this response breaks the contract, or undefined when it does not. */
export function violation({ exact: op, family }: Match, method: string, res: Reply, validate: Validate): string | undefined {
  const status = res.statusCode;
  const mediaType = String(res.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  const text = bodyText(res);
  // A 5xx is a bug unless the operation documents that very status (oEmbed's 501 for formats
  // it does not implement); then it is held to the documented error type like a 4xx.
  if (status >= 500 && !op?.responses[String(status)]) return `server error ${status}`;
  if (status === 304) return text === '' ? undefined : '304 with a body';
  if (status >= 200 && status < 300) {
    if (!op) return `${status} from a path the document does not describe`;
    const doc = documented(op, status);
    if (!doc) return `status ${status} is not documented for ${op.method} ${op.path}`;
    if (!doc.content) return undefined;
    if (!doc.content[mediaType])
      return `content-type "${mediaType}" is not documented for ${status} (${Object.keys(doc.content).join(', ')})`;
    return method === 'HEAD' ? undefined : checkBody(op, status, mediaType, text, validate);
  }
  if (status >= 400) {
    // Operations that document another error type (HTML pages for embeds) are held to that; an
    // unknown path under a family of operations (/embed/…) may answer in the family's format.
    const types = [...new Set(family.flatMap((o) => Object.keys(documented(o, status)?.content ?? {})))];
    const owner = family.find((o) => documented(o, status)?.content?.[mediaType]);
    if (owner && mediaType !== PROBLEM) return method === 'HEAD' ? undefined : checkBody(owner, status, mediaType, text, validate);
    if (types.length && !types.includes(PROBLEM)) return `${status} content-type "${mediaType}", documented ${types.join(', ')}`;
    if (mediaType !== PROBLEM) return `${status} content-type "${mediaType}" is not ${PROBLEM}`;
    if (method === 'HEAD') return undefined;
    const problem = checkProblem(status, text);
    if (problem || !op || !types.includes(PROBLEM)) return problem;
    return validate(op, keyOf(op, status)!, PROBLEM, JSON.parse(text));
  }
  return undefined;
}
