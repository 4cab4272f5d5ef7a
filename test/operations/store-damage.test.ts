import { renameSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { buildStore } from '../../src/seed/build.js';
import { buildOn } from '../helpers/app.js';
import { MIGRATIONS_DIR, SEED_DIR, scratchDir } from '../helpers/store.js';

const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 200; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
};

const damages: [string, (path: string) => void][] = [
  ['truncated in place', (path) => truncateSync(path, 0)],
  ['overwritten in place', (path) => writeFileSync(path, Buffer.alloc(64 * 1024, 'not a database '))],
];

for (const [what, damage] of damages) {
  t.test(`a store ${what}: 503 problems and a failing probe, then recovery once a valid store is renamed into place`, async (t) => {
    const dir = scratchDir(t);
    const storePath = join(dir, 'content.db');
    const build = (path: string) => buildStore({ seedDir: SEED_DIR, migrationsDir: MIGRATIONS_DIR, storePath: path });
    build(storePath);
    const app = await buildOn(t, storePath, { STORE_WATCH: 'true', RATE_LIMIT_ENABLED: 'false' });
    const get = (url: string) => app.inject({ url });

    // Damaged before anything read the search documents: search cannot answer.
    damage(storePath);
    const search = await get('/v1/search?q=trust');
    t.equal(search.statusCode, 503, 'search answers 503, not 500');
    t.match(search.headers['content-type'], /^application\/problem\+json/);
    t.match(search.json(), { status: 503, detail: /content store is unavailable/ });
    t.ok(search.headers['retry-after']);
    t.notMatch(search.body, /sqlite|no such table|not a database/i, 'no internals leak');
    const ready = await get('/readyz');
    t.equal(ready.statusCode, 503, 'readiness fails');
    t.match(ready.headers['content-type'], /^application\/problem\+json/);

    const replacement = join(dir, 'content.db.new');
    build(replacement);
    renameSync(replacement, storePath);
    t.ok(await until(async () => (await get('/readyz')).statusCode === 200), 'readiness recovers on its own');
    t.equal((await get('/v1/search?q=trust')).statusCode, 200, 'and search answers again');

    // Damaged after the store was read whole: answers keep coming from memory, never a 500,
    // while readiness reports the damaged file (a restart could not open it).
    damage(storePath);
    t.equal((await get('/v1/search?q=sleep')).statusCode, 200, 'search answers from its in-memory index');
    t.equal((await get('/v1/signs')).statusCode, 200, 'content answers from memory');
    t.equal((await get('/readyz')).statusCode, 503, 'readiness fails');
  });
}

t.test('without the watcher, the readiness probe itself reopens a valid store put in place', async (t) => {
  const dir = scratchDir(t);
  const storePath = join(dir, 'content.db');
  const build = (path: string) => buildStore({ seedDir: SEED_DIR, migrationsDir: MIGRATIONS_DIR, storePath: path });
  build(storePath);
  const app = await buildOn(t, storePath, { STORE_WATCH: 'false' });
  truncateSync(storePath, 0);
  t.equal((await app.inject({ url: '/readyz' })).statusCode, 503);
  build(join(dir, 'next.db'));
  renameSync(join(dir, 'next.db'), storePath);
  t.equal((await app.inject({ url: '/readyz' })).statusCode, 200);
  t.equal((await app.inject({ url: '/v1/search?q=trust' })).statusCode, 200);
});
