import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import t from 'tap';
import { ContentApiError, createClient, paginate } from '../../clients/typescript/src/index.js';
import { PartnerKeys } from '../../src/http/partner-keys.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { clientSchema } from '../../scripts/client-schema.js';
import { build } from '../helpers/app.js';
import { listen } from '../helpers/http.js';

const CLIENT_DIR = resolve(PROJECT_ROOT, 'clients/typescript');

t.test('the client types are generated from the committed document (run `npm run openapi`)', async (t) => {
  const committed = readFileSync(resolve(PROJECT_ROOT, 'openapi/openapi.json'), 'utf8');
  t.equal(readFileSync(resolve(CLIENT_DIR, 'src/schema.ts'), 'utf8'), await clientSchema(committed));
});

t.test('the client package compiles on its own', async (t) => {
  const tsc = spawnSync(process.execPath, [resolve(PROJECT_ROOT, 'node_modules/typescript/bin/tsc'), '-p', CLIENT_DIR, '--noEmit'], {
    encoding: 'utf8',
  });
  t.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
});

t.test('against the running app', async (t) => {
  const key = 'client-test-key';
  const app = await build(t, { PARTNER_KEYS: `acme:${PartnerKeys.hash(key)}`, PARTNER_RATE_LIMIT_MAX: '777' });
  const baseUrl = `${await listen(app)}/`;
  const client = createClient({ baseUrl });

  const topics = await client.GET('/v1/topics');
  t.equal(topics.response.status, 200);
  t.ok(
    topics.data?.data.some((topic) => topic.slug === 'emotional-withdrawal'),
    'typed topics list',
  );
  t.ok(topics.data?.meta.disclaimer, 'with the disclaimer');

  const sign = await client.GET('/v1/signs/{slug}', { params: { path: { slug: 'emotional-numbness' }, query: { format: 'text' } } });
  t.equal(sign.data?.data.slug, 'emotional-numbness');
  t.equal(sign.data?.data.bodyFormat, 'text', 'query parameters are sent');

  const trimmed = await client.GET('/v1/signs/{slug}', {
    params: { path: { slug: 'emotional-numbness' }, query: { fields: ['title', 'summary'] } },
  });
  t.same(
    Object.keys(trimmed.data?.data ?? {}).sort(),
    ['href', 'slug', 'summary', 'title', 'type'],
    'list parameters are sent comma-separated',
  );

  const missing = await client.GET('/v1/signs/{slug}', { params: { path: { slug: 'no-such-sign' } } });
  t.equal(missing.response.status, 404);
  t.equal(missing.error?.status, 404, 'the problem body is the typed error');

  const all = [];
  for await (const s of paginate(client, '/v1/signs', { limit: 4 })) all.push(s.slug);
  const first = await client.GET('/v1/signs', { params: { query: { limit: 4 } } });
  t.ok((first.data?.meta.total ?? 0) > 4, 'more than one page');
  t.equal(all.length, first.data?.meta.total, 'paginate follows links.next to the end');
  t.equal(new Set(all).size, all.length, 'each record once');

  const filtered = [];
  for await (const s of paginate(client, '/v1/strategies', { category: ['connection'], limit: 2 })) filtered.push(s.category);
  t.ok(filtered.length > 2 && filtered.every((c) => c === 'connection'), 'filters carry over to later pages');

  let failure: unknown;
  try {
    for await (const _ of paginate(client, '/v1/signs', { limit: 0 })) void _;
  } catch (error) {
    failure = error;
  }
  t.ok(
    failure instanceof ContentApiError && failure.status === 400 && failure.problem?.status === 400,
    'a failed page throws with its problem',
  );

  const keyed = createClient({ baseUrl, apiKey: key });
  const withKey = await keyed.GET('/v1/topics');
  t.equal(withKey.response.headers.get('ratelimit-limit'), '777', 'the partner key is sent and recognised');
});

// Compile-time checks: `npm run typecheck` fails if the client stops rejecting these.
export function typeChecks(client: ReturnType<typeof createClient>) {
  // @ts-expect-error: no such path
  void client.GET('/v1/sings');
  // @ts-expect-error: not a sort key
  void client.GET('/v1/signs', { params: { query: { sort: 'popularity' } } });
  // @ts-expect-error: an item path needs its slug
  void client.GET('/v1/signs/{slug}', {});
}
