import type { IncomingHttpHeaders, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { preferredEncoding } from '../http/accept.js';
import { COMPRESS_THRESHOLD } from '../plugins/external/compress.js';
import type { Entries, Entry, Form, Headers } from './entries.js';

export const matchesEtag = (header: string | undefined, etag: string) =>
  header !== undefined && (header.trim() === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag));

export interface Replay {
  method: string;
  headers: IncomingHttpHeaders;
  requestId: string;
  /** Headers this request earned on its way here (a rate limiter's), sent over the entry's. */
  extra?: OutgoingHttpHeaders;
}

function formHeaders(entries: Entries, entry: Entry, form: Form): Headers {
  const built = entry.forms[form];
  if (built) return built;
  // The request id goes last so that the replay only overwrites a value in place.
  let headers: Headers;
  if (form === 'notModified') headers = { ...entry.headers, 'x-request-id': '' };
  else if (form === 'identity') headers = { ...entry.headers, 'content-length': entry.body.byteLength, 'x-request-id': '' };
  else headers = { ...entry.headers, 'content-encoding': form, 'content-length': entries.compressed(entry, form).byteLength, 'x-request-id': '' };
  entry.forms[form] = headers;
  return headers;
}

/**
 * Writes a recorded answer for one request: a 304 when its ETag matches If-None-Match,
 * otherwise the body in the best coding the client accepts (none for HEAD).
 */
export function replay(res: ServerResponse, entries: Entries, entry: Entry, request: Replay): void {
  let form: Form = 'identity';
  if (matchesEtag(request.headers['if-none-match'], entry.etag)) form = 'notModified';
  else if (entry.body.byteLength >= COMPRESS_THRESHOLD) form = preferredEncoding(request.headers['accept-encoding']) ?? 'identity';
  const headers = formHeaders(entries, entry, form);
  headers['x-request-id'] = request.requestId;
  res.writeHead(form === 'notModified' ? 304 : 200, request.extra ? { ...headers, ...request.extra } : headers);
  if (form === 'notModified' || request.method === 'HEAD') res.end();
  else res.end(form === 'identity' ? entry.body : entries.compressed(entry, form));
}
