import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import t from 'tap';
import { ContentApiError, createClient, paginate, type Redirect } from '../../clients/typescript/src/index.js';
import { PartnerKeys } from '../../src/http/partner-keys.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { clientSchema } from '../../scripts/client-schema.js';
import { build, buildFromSeed } from '../helpers/app.js';
import { seedWithRename } from '../helpers/renamed-seed.js';
import { listen } from '../helpers/http.js';

const CLIENT_DIR = resolve(PROJECT_ROOT, 'clients/typescript');

t.test('the client types are generated from the committed document (run `npm run openapi`)', async (t) => {
  const committed = readFileSync(resolve(PROJECT_ROOT, 'openapi/openapi.json'), 'utf8');
  t.equal(readFileSync(resolve(CLIENT_DIR, 'src/schema.ts'), 'utf8'), await clientSchema(committed));
});

t.test('the package is versioned with the API it was generated from', async (t) => {
  const doc = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'openapi/openapi.json'), 'utf8')) as { info: { version: string } };
  const pkg = JSON.parse(readFileSync(resolve(CLIENT_DIR, 'package.json'), 'utf8')) as { version: string };
  t.equal(pkg.version, doc.info.version, 'package.json version is info.version (`npm run openapi` sets it)');
});

t.test('npm pack ships the built client, its types and the README, and nothing else', async (t) => {
  // prepack builds dist/ first (clean, then tsc), as `npm publish` would.
  const pack = spawnSync('npm', ['pack', '--dry-run', '--json'], { cwd: CLIENT_DIR, encoding: 'utf8' });
  t.equal(pack.status, 0, pack.stderr);
  const [manifest] = JSON.parse(pack.stdout) as { name: string; version: string; files: { path: string }[] }[];
  const files = manifest!.files.map((f) => f.path).sort();
  t.same(
    files.filter((f) => !/^dist\/[a-z-]+\.(js|d\.ts)$/.test(f)),
    ['README.md', 'package.json'],
    'besides dist/*.js and dist/*.d.ts, only the README and package.json',
  );
  for (const name of ['index', 'redirects', 'schema'])
    t.ok(files.includes(`dist/${name}.js`) && files.includes(`dist/${name}.d.ts`), `dist/${name}: code and types`);
  t.notOk(
    files.some((f) => /^(src|test)\/|tsconfig|\.map$|\.tgz$/.test(f)),
    'no sources, tests, config or maps',
  );
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

t.test("a renamed record's old slug: the 301 is followed and reported, Deprecation and Sunset with it", async (t) => {
  const app = await buildFromSeed(t, seedWithRename(t, 'signs', 'emotional-numbness', 'feeling-numb'));
  const baseUrl = await listen(app);
  const redirects: Redirect[] = [];
  const client = createClient({ baseUrl, onRedirect: (r) => redirects.push(r) });
  const moved = await client.GET('/v1/signs/{slug}', { params: { path: { slug: 'emotional-numbness' }, query: { format: 'text' } } });
  t.equal(moved.response.status, 200, 'followed');
  t.equal(moved.data?.data.slug, 'feeling-numb', 'the record under its new slug');
  t.equal(moved.data?.data.bodyFormat, 'text', 'the query went along');
  t.match(redirects, [
    {
      status: 301,
      from: `${baseUrl}/v1/signs/emotional-numbness?format=text`,
      to: `${baseUrl}/v1/signs/feeling-numb?format=text`,
      deprecation: /^@\d+$/,
      sunset: /GMT$/,
      link: /rel="successor-version"/,
    },
  ]);

  // By default, one warning per renamed address.
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (message: string) => warnings.push(message);
  try {
    const quiet = createClient({ baseUrl });
    for (let i = 0; i < 2; i++) await quiet.GET('/v1/signs/{slug}', { params: { path: { slug: 'emotional-numbness' } } });
  } finally {
    console.warn = warn;
  }
  t.equal(warnings.length, 1, 'warned once');
  t.match(warnings[0], /emotional-numbness has moved to .*feeling-numb.*update stored links/);
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
