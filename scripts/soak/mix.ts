// The traffic the soak replays: what partners ask for most (topics with includes, filtered lists,
// search, items), compressed and not, ETag revalidations, and the two common client errors.
// Slugs and ETags are read from the server first, so the mix follows the content.
import { request } from 'node:http';

export interface Target {
  path: string;
  headers?: Record<string, string>;
  /** The status this request must get; anything else is counted as unexpected. */
  expect: number;
}

type Got = { status: number; etag?: string; body: string };

// node:http rather than fetch: the exact headers are sent (no implicit Accept-Encoding), so the
// ETag read here is the one the revalidating request will match.
function get(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, { headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, etag: res.headers.etag, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function slugs(baseUrl: string, collection: string, limit: number): Promise<string[]> {
  const res = await get(baseUrl, `/v1/${collection}?limit=${limit}`);
  if (res.status !== 200) throw new Error(`GET /v1/${collection} answered ${res.status}`);
  return (JSON.parse(res.body) as { data: { slug: string }[] }).data.map((d) => d.slug);
}

export async function buildMix(baseUrl: string): Promise<Target[]> {
  const topics = await slugs(baseUrl, 'topics', 100);
  const signs = await slugs(baseUrl, 'signs', 3);
  const strategies = await slugs(baseUrl, 'strategies', 3);
  const [topic] = topics;
  if (!topic || !signs[0] || !strategies[0]) throw new Error('the store has no content to soak with');
  const gzip = { 'accept-encoding': 'gzip, br' };

  const targets: Target[] = [
    ...topics.map((t) => ({ path: `/v1/topics/${t}?include=signs,strategies,faqs`, expect: 200 })),
    { path: `/v1/topics/${topic}?include=signs,causes,contexts,strategies,therapies,faqs&format=html`, headers: gzip, expect: 200 },
    { path: '/v1/topics?include=signs&format=text', expect: 200 },
    { path: `/v1/signs?topic=${topic}&kind=emotional,behavioural&limit=10`, expect: 200 },
    { path: '/v1/strategies?category=coping,connection&sort=-title&format=html', headers: gzip, expect: 200 },
    { path: `/v1/faqs?topic=${topics.join(',')}&offset=2&limit=5`, expect: 200 },
    { path: '/v1/sources', expect: 200 },
    { path: '/v1/search?q=lonely', expect: 200 },
    { path: '/v1/search?q=cbt&type=therapy,strategy', expect: 200 },
    { path: '/v1/search?q=withdrawl', expect: 200 },
    { path: `/v1/search?q=mindf&topic=${topic}`, headers: gzip, expect: 200 },
    ...signs.map((s) => ({ path: `/v1/signs/${s}`, expect: 200 })),
    ...strategies.map((s) => ({ path: `/v1/strategies/${s}?format=html`, expect: 200 })),
    { path: '/v1/signs/no-such-sign', expect: 404 },
    { path: '/v1/signs?limit=0', expect: 400 },
  ];

  // Revalidation: the same request again with the ETag it was given must answer 304.
  // The first target (the first topic's detail with includes), then a list and a gzipped record.
  for (const target of [
    { path: `/v1/topics/${topic}?include=signs,strategies,faqs` },
    { path: `/v1/signs?topic=${topic}&limit=20` },
    { path: `/v1/signs/${signs[0]}`, headers: gzip },
  ]) {
    const first = await get(baseUrl, target.path, target.headers);
    if (!first.etag) throw new Error(`GET ${target.path} sent no ETag`);
    targets.push({ path: target.path, headers: { ...target.headers, 'if-none-match': first.etag }, expect: 304 });
  }

  // Every target answers as expected before the soak starts, so a failure later means drift.
  for (const target of targets) {
    const { status } = await get(baseUrl, target.path, target.headers);
    if (status !== target.expect) throw new Error(`GET ${target.path} answered ${status}, expected ${target.expect}`);
  }
  return targets;
}
