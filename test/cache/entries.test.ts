import { gunzipSync } from 'node:zlib';
import t from 'tap';
import { Entries } from '../../src/cache/entries.js';

const entry = (bytes: number, text = 'x') => {
  const body = Buffer.from(text.repeat(bytes));
  return { headers: {}, body, etag: '"e"', mediaType: 'application/json', bytes: body.byteLength };
};

t.test('keeps within its byte budget, evicting the entries not used since the last sweep', async (t) => {
  const cache = new Entries(300, 200);
  cache.set('a', entry(100), 'v1');
  cache.set('b', entry(100), 'v1');
  cache.set('c', entry(100), 'v1');
  t.ok(cache.get('a'), 'a is used, so it gets a second chance');
  cache.set('d', entry(100), 'v1');
  t.equal(cache.totalBytes, 300);
  t.equal(cache.get('b'), undefined, 'the oldest unused entry went first');
  t.ok(cache.get('a'));
  t.ok(cache.get('c'));
  t.ok(cache.get('d'));
});

t.test('refuses an answer larger than the per-entry limit, and keeps the first answer for a key', async (t) => {
  const cache = new Entries(1000, 200);
  cache.set('big', entry(201), 'v1');
  t.equal(cache.get('big'), undefined);
  cache.set('k', entry(10, 'a'), 'v1');
  cache.set('k', entry(10, 'b'), 'v1');
  t.equal(cache.get('k')!.body.toString(), 'a'.repeat(10));
  t.equal(cache.size, 1);
});

t.test('the first answer of a new content version drops the older answers', async (t) => {
  const cache = new Entries(10_000, 5_000);
  cache.set('old', entry(100), 'v1');
  const held = cache.get('old')!;
  cache.set('new', entry(100), 'v2');
  t.equal(cache.get('old'), undefined);
  t.ok(cache.get('new'));
  t.equal(cache.totalBytes, 100);
  cache.compressed(held, 'gzip');
  t.equal(cache.totalBytes, 100, 'a dropped answer still being replayed no longer counts');
});

t.test('compressed forms are made once and count towards the budget while the entry is kept', async (t) => {
  const cache = new Entries(10_000, 5_000);
  cache.set('k', entry(2_000), 'v1');
  const kept = cache.get('k')!;
  const gzip = cache.compressed(kept, 'gzip');
  t.equal(gunzipSync(gzip).toString(), 'x'.repeat(2_000));
  t.equal(cache.compressed(kept, 'gzip'), gzip, 'the same buffer is reused');
  t.equal(cache.totalBytes, 2_000 + gzip.byteLength);

  // An entry evicted while a request still holds it no longer counts, compressed or not.
  const small = new Entries(2_500, 2_500);
  small.set('a', entry(2_000), 'v1');
  const evicted = small.get('a')!;
  for (const key of ['b', 'c', 'd', 'e']) small.set(key, entry(400), 'v1');
  t.equal(small.get('a'), undefined, 'evicted after its second chance');
  small.compressed(evicted, 'br');
  t.equal(small.totalBytes, 800);
});
