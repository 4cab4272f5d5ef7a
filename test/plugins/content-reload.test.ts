import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import t from 'tap';
import { buildStore } from '../../src/seed/build.js';
import { recordChanges } from '../../src/seed/record-changes.js';
import { buildOn } from '../helpers/app.js';
import { listen, send } from '../helpers/http.js';
import { copySeed, MIGRATIONS_DIR, scratchDir } from '../helpers/store.js';

const retitle = (file: string, title: string) => {
  const parsed = matter(readFileSync(file, 'utf8'), {});
  parsed.data.title = title;
  writeFileSync(file, matter.stringify(parsed.content, parsed.data));
};

const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 100; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
};

/** An app watching a store built from its own copy of the seed; `rebuild` builds it again in place. */
async function watchingApp(t: { teardown(fn: () => unknown): void }) {
  const seedDir = copySeed(t);
  const storePath = join(scratchDir(t), 'content.db');
  const rebuild = () => buildStore({ seedDir, migrationsDir: MIGRATIONS_DIR, storePath });
  rebuild();
  const app = await buildOn(t, storePath, { STORE_WATCH: 'true', RATE_LIMIT_ENABLED: 'false' });
  return { seedDir, rebuild, app };
}

t.test('a newly built store is served without a restart, and cached answers never go stale', async (t) => {
  const { seedDir, rebuild, app } = await watchingApp(t);
  const get = (url: string) => app.inject({ method: 'GET', url });

  const before = await get('/v1/strategies/journaling');
  const again = await get('/v1/strategies/journaling');
  t.equal(again.body, before.body, 'a repeated request gets the same bytes');
  t.equal(again.headers.etag, before.headers.etag);
  const version = (await get('/readyz')).json().contentVersion;

  retitle(join(seedDir, 'strategies/journaling.md'), 'Keeping a journal');
  rebuild();
  const readyVersion = async () => {
    const ready = await get('/readyz');
    return ready.statusCode === 200 ? ready.json().contentVersion : version;
  };
  t.ok(await until(async () => (await readyVersion()) !== version), 'the new version is picked up');

  const after = await get('/v1/strategies/journaling');
  t.equal(after.json().data.title, 'Keeping a journal', 'the cached answer was not served');
  t.not(after.headers.etag, before.headers.etag, 'and its ETag changed');
  const revalidated = await app.inject({
    method: 'GET',
    url: '/v1/strategies/journaling',
    headers: { 'if-none-match': before.headers.etag as string },
  });
  t.equal(revalidated.statusCode, 200, 'an old ETag no longer matches');
  const found = (await get('/v1/search?q=keeping%20journal')).json();
  t.equal(found.data[0].slug, 'journaling', 'search uses the new store too');
});

t.test('a store rebuilt after the change was recorded is picked up too (same content version, longer log)', async (t) => {
  const { seedDir, rebuild, app } = await watchingApp(t);
  const get = (url: string) => app.inject({ method: 'GET', url });
  const version = (await get('/readyz')).json().contentVersion;
  retitle(join(seedDir, 'strategies/journaling.md'), 'Keeping a journal');
  rebuild();
  const feedFrom = async () => (await get(`/v1/changes?since=${version}`)).json();
  t.ok(await until(async () => (await get('/readyz')).json().contentVersion !== version), 'the edit is served');
  t.equal((await feedFrom()).meta.total, 0, 'not in the feed before it is recorded');
  recordChanges(seedDir, MIGRATIONS_DIR);
  rebuild();
  t.ok(await until(async () => (await feedFrom()).meta?.total === 1), 'the recorded change is served without a restart');
  t.match((await feedFrom()).data, [{ slug: 'journaling', change: 'updated' }]);
});

t.test('over a real socket too, a rebuilt store is never hidden by prepared or cached answers', async (t) => {
  const { seedDir, rebuild, app } = await watchingApp(t);
  const base = await listen(app);
  const title = async () =>
    JSON.parse((await send(base, '/v1/faqs?limit=100')).body.toString()).data.find(
      (f: { slug: string }) => f.slug === 'how-long-does-recovery-take',
    )?.title;

  const first = await title();
  t.equal(await title(), first, 'served again (from the cache)');
  retitle(join(seedDir, 'faqs/how-long-does-recovery-take.md'), 'How long does it take to feel better?');
  rebuild();
  t.ok(await until(async () => (await title()) === 'How long does it take to feel better?'), 'the new title is served');
  await app.answersPrepared();
  t.ok(app.snapshot.answers.stats.prepared >= 100, 'the new store is prepared in its turn');
});

t.test('a broken file put in place of the store is ignored; the old store keeps serving', async (t) => {
  const dir = scratchDir(t);
  const storePath = join(dir, 'content.db');
  buildStore({ seedDir: copySeed(t), migrationsDir: MIGRATIONS_DIR, storePath });
  const app = await buildOn(t, storePath, { STORE_WATCH: 'true' });
  const version = (await app.inject({ method: 'GET', url: '/readyz' })).json().contentVersion;

  writeFileSync(join(dir, 'garbage'), 'not a database');
  renameSync(join(dir, 'garbage'), storePath);
  await new Promise((r) => setTimeout(r, 400));
  const ready = await app.inject({ method: 'GET', url: '/readyz' });
  t.equal(ready.statusCode, 200);
  t.equal(ready.json().contentVersion, version);
  t.equal((await app.inject({ method: 'GET', url: '/v1/topics' })).statusCode, 200);
});
