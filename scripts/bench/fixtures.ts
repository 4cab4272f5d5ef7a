// What the API answers, recorded once per request so that the ceiling can answer the very same
// bytes. node:http rather than fetch: fetch asks for gzip and decodes it, autocannon asks for
// nothing, and the recording must be what autocannon will receive.
import { request } from 'node:http';

export interface Recorded {
  path: string;
  /** The revalidation scenario sends one; the ceiling keys its answers on it too. */
  ifNoneMatch?: string;
  status: number;
  headers: Record<string, string>;
  /** Base64, so binary bodies survive the JSON file the ceiling reads. */
  body: string;
  /** The ceiling gives this answer to any path starting with this (the distinct-query search). */
  prefix?: string;
}

// Connection-level or per-response headers that the ceiling's own Node server writes itself.
const NOT_REPLAYED = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

export function record(baseUrl: string, path: string, ifNoneMatch?: string, extraHeaders: Record<string, string> = {}): Promise<Recorded> {
  return new Promise((resolve, reject) => {
    const headers = ifNoneMatch ? { ...extraHeaders, 'if-none-match': ifNoneMatch } : extraHeaders;
    const req = request(baseUrl + path, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const kept: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined && !NOT_REPLAYED.has(name)) kept[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        resolve({ path, ifNoneMatch, status: res.statusCode ?? 0, headers: kept, body: Buffer.concat(chunks).toString('base64') });
      });
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer for ${path} within 10 s`)));
    req.end();
  });
}

/** Same status, same body bytes: the check that the ceiling really replays what the API sent. */
export function sameAnswer(a: Recorded, b: Recorded): boolean {
  return (
    a.status === b.status &&
    a.body === b.body &&
    a.headers['content-type'] === b.headers['content-type'] &&
    a.headers.etag === b.headers.etag
  );
}
