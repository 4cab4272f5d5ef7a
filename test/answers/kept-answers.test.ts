// The answers module on its own (no app): what an answer weighs, what is kept, and how its
// compressed forms are made once and counted. Fast, so `npm run test:mutation` can afford it.
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import t from 'tap';
import { type Answer, Answers, answerOfBody, sizeOf } from '../../src/answers/answers.js';
import { compressingZlib, precompress } from '../../src/answers/coding.js';
import { envelopeJson, keepJson, Spliced } from '../../src/answers/json.js';

// Most tests keep an answer at once, to look at the cache; the doorkeeper has its own tests.
const answers = (options: Partial<ConstructorParameters<typeof Answers>[0]> = {}) =>
  new Answers({ maxBytes: 1_000_000, maxEntryBytes: 100_000, maxPrepared: 10, keepOnSecondAsk: false, ...options });

// Equivalent mutant: `this.seen.set(key, true)` → `false`. The doorkeeper asks only whether a key
// is there (its `delete` says so); the value stored under it is never read.
t.test('by default an answer is kept the second time its key is computed, not the first', async (t) => {
  const store = new Answers({ maxBytes: 1_000_000, maxEntryBytes: 100_000, maxPrepared: 10 });
  const first = store.remember('/v1/x', Buffer.from('{"a":1}'), 'application/json');
  t.equal(store.get('/v1/x'), undefined, 'asked once: served, not kept');
  t.equal(answerOfBody(first.body), undefined, 'nor are its compressed forms');
  t.same(
    store.stats,
    { prepared: 0, cached: 0, cachedBytes: 0, seen: 1, seenBytes: '/v1/x'.length * 2 + 64 },
    'only its key is remembered',
  );
  t.equal(first.etag, `"${createHash('sha1').update('{"a":1}').digest('base64url')}"`, 'with the same ETag it would have kept');
  const second = store.remember('/v1/x', Buffer.from('{"a":1}'), 'application/json');
  t.equal(store.get('/v1/x'), second, 'asked again: kept');
  t.equal(answerOfBody(second.body)?.answer, second);
  t.equal(store.stats.seen, 0, 'and the key leaves the doorkeeper');
  store.remember('/v1/y', '{}', 'application/json');
  t.equal(store.get('/v1/y'), undefined, 'another key starts again at once');
});

t.test('the keys asked once are bounded by bytes, long keys counted in full', async (t) => {
  const store = new Answers({ maxBytes: 1_000_000, maxEntryBytes: 100_000, maxPrepared: 10, maxSeenBytes: 10_000 });
  for (let i = 0; i < 1000; i++) store.remember(`/v1/signs?q=${'x'.repeat(1000)}${i}`, '{}', 'application/json');
  t.ok(store.stats.seenBytes <= 10_000, `at most the budget (${store.stats.seenBytes} bytes)`);
  t.ok(store.stats.seen >= 4 && store.stats.seen <= 5, `2 kB keys leave room for four or five (${store.stats.seen})`);
  t.equal(store.stats.cached, 0, 'a flood of distinct keys keeps no answer');
  store.remember(`/v1/signs?q=${'x'.repeat(1000)}0`, '{}', 'application/json');
  t.equal(store.stats.cached, 0, 'a key pushed out of the doorkeeper starts again');
  store.remember(`/v1/signs?q=${'x'.repeat(1000)}999`, '{}', 'application/json');
  t.equal(store.stats.cached, 1, 'a recent one is kept on its second ask');
});

t.test('an answer weighs its key and ETag (UTF-16), body, compressed forms and 256 bytes of bookkeeping', async (t) => {
  const a: Answer = {
    key: 'abc',
    etag: '"12345"',
    body: Buffer.alloc(1000),
    ownBytes: 1000,
    mediaType: 'application/json',
    prepared: false,
  };
  t.equal(sizeOf(a), 3 * 2 + 7 * 2 + 1000 + 256);
  t.equal(sizeOf({ ...a, br: Buffer.alloc(30), gzip: Buffer.alloc(70) }), 3 * 2 + 7 * 2 + 1000 + 30 + 70 + 256);
});

t.test('remembered answers: kept up to the entry limit, found by body, marked as not prepared', async (t) => {
  const body = Buffer.from('{"data":1}');
  const store = answers();
  const a = store.remember('/v1/x', body, 'application/json');
  t.equal(a.body, body, 'a Buffer body is kept as it is, not copied');
  t.equal(a.prepared, false);
  t.equal(a.etag, `"${createHash('sha1').update(body).digest('base64url')}"`);
  t.equal(store.get('/v1/x'), a);
  t.equal(answerOfBody(a.body)?.answer, a, 'the body leads to its answer');
  t.equal(answerOfBody(Buffer.from('{"data":1}')), undefined, 'an equal buffer is not the answer’s');
  t.equal(store.remember('/s', 'text', 'text/plain').body.toString(), 'text', 'a string body becomes its bytes');

  const exact = sizeOf({ key: '/big', etag: a.etag, body: Buffer.alloc(500), ownBytes: 500, mediaType: '', prepared: false });
  const limited = answers({ maxEntryBytes: exact });
  limited.remember('/big', Buffer.alloc(500), 'application/json');
  t.ok(limited.get('/big'), 'an answer of exactly the entry limit is kept');
  const over = limited.remember('/bigger', Buffer.alloc(501), 'application/json');
  t.equal(limited.get('/bigger'), undefined, 'one byte more is served but not kept');
  t.equal(over.body.byteLength, 501);
  t.equal(answerOfBody(over.body), undefined, 'and its compressed forms are not kept either');
});

// Equivalent mutant, left: registering each body of an answer in pieces whether or not it is
// kept (`if (owner)` as true). An answer not kept has no owner, and a body registered with none
// leads nowhere, as one never registered.
t.test('an answer in pieces: its own bytes counted, its body made at each read and found while kept', async (t) => {
  const record = { slug: 'kept', text: 'x'.repeat(5000) };
  keepJson(record);
  const envelope = { data: [record, record], meta: { total: 2 }, links: { self: '/v1/x' } };
  const pieces = () => envelopeJson(envelope) as Spliced;
  t.ok(pieces() instanceof Spliced);
  const text = JSON.stringify(envelope);

  const store = new Answers({ maxBytes: 1_000_000, maxEntryBytes: 100_000, maxPrepared: 10 });
  const once = store.remember('/v1/x', pieces(), 'application/json');
  t.equal(once.etag, `"${createHash('sha1').update(text).digest('base64url')}"`, 'the ETag of its bytes');
  t.equal(once.body.toString(), text);
  t.equal(answerOfBody(once.body), undefined, 'asked once: its bodies lead nowhere');
  const kept = store.remember('/v1/x', pieces(), 'application/json');
  t.equal(store.get('/v1/x'), kept);
  t.equal(kept.prepared, false, 'kept on demand, not prepared');
  const [first, second] = [kept.body, kept.body];
  t.not(first, second, 'each read is new bytes');
  t.equal(first.toString(), text);
  t.equal(second.toString(), text);
  t.equal(answerOfBody(first)?.answer, kept, 'each leads to the answer');
  t.equal(answerOfBody(second)?.answer, kept);
  t.ok(kept.ownBytes < 200, `the records' 10 kB are the store's, not the answer's (${kept.ownBytes} bytes)`);
  t.equal(store.stats.cachedBytes, sizeOf(kept));
  t.equal(sizeOf(kept), '/v1/x'.length * 2 + kept.etag.length * 2 + kept.ownBytes + 256);

  const br = compressingZlib.brotliCompressSync(kept.body);
  t.equal(kept.br, br, 'a compressed form made from one body is kept with the answer');
  t.equal(compressingZlib.brotliCompressSync(kept.body), br, 'and found from the next');
  t.equal(store.stats.cachedBytes, sizeOf(kept), 'and counted');

  t.equal(store.prepare('/v1/y', pieces(), 'application/json'), true);
  const prepared = store.get('/v1/y') as Answer;
  t.equal(prepared.body, prepared.body, 'a prepared answer holds its bytes, put together once');
  t.equal(prepared.body.toString(), text);
  t.equal(prepared.ownBytes, Buffer.byteLength(text));
  t.equal(answerOfBody(prepared.body)?.answer, prepared);
});

t.test('a compressed form added later is counted; an evicted answer is not brought back', async (t) => {
  const store = answers();
  const a = store.remember('/v1/x', Buffer.alloc(2000), 'application/json');
  const before = store.stats.cachedBytes;
  a.br = Buffer.alloc(300);
  answerOfBody(a.body)?.grew();
  t.equal(store.stats.cachedBytes, before + 300);

  const small = answers({ maxBytes: 6000, maxEntryBytes: 6000 });
  const first = small.remember('/1', Buffer.alloc(2500), 'application/json');
  small.remember('/2', Buffer.alloc(2500), 'application/json');
  small.remember('/3', Buffer.alloc(2500), 'application/json');
  t.equal(small.get('/1'), undefined, 'the oldest is evicted');
  first.gzip = Buffer.alloc(10);
  answerOfBody(first.body)?.grew();
  t.equal(small.get('/1'), undefined, 'and stays evicted when it grows');
});

t.test('prepared answers: up to their budget, marked as prepared', async (t) => {
  const store = answers({ maxPrepared: 2 });
  t.equal(store.prepare('/a', '{"a":1}', 'application/json'), true);
  t.equal(store.prepare('/b', '{"b":1}', 'application/json'), true);
  t.equal(store.prepare('/c', '{"c":1}', 'application/json'), false, 'the budget is spent');
  t.equal(store.stats.prepared, 2);
  t.ok(store.isPrepared('/a'));
  t.notOk(store.isPrepared('/c'));
  t.same(
    [...store.preparedAnswers()].map((a) => [a.key, a.prepared]),
    [
      ['/a', true],
      ['/b', true],
    ],
  );
  t.equal(store.get('/a')?.prepared, true);
  t.equal(answerOfBody((store.get('/b') as Answer).body)?.answer.key, '/b');
});

t.test('compression: an answer’s forms are made once, at the dynamic levels, and kept with it', async (t) => {
  // 2^16 bytes: the window must be 17 bits, one more than the body's length rounded down.
  const text = Buffer.from(Array.from({ length: 65536 }, (_, i) => String.fromCharCode(97 + ((i * 7919) % 26))).join(''));
  const expectedBrotli = (quality: number, lgwin: number) =>
    zlib.brotliCompressSync(text, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: text.byteLength,
        [zlib.constants.BROTLI_PARAM_LGWIN]: lgwin,
      },
    });
  const store = answers({ maxEntryBytes: 1_000_000 });
  const a = store.remember('/v1/big', text, 'application/json');

  const br = compressingZlib.brotliCompressSync(a.body);
  t.same(br, expectedBrotli(0, 17), 'brotli quality 0, window fitted to the body');
  t.equal(a.br, br, 'kept with the answer');
  t.equal(compressingZlib.brotliCompressSync(a.body), br, 'and not made again');
  const gz = compressingZlib.gzipSync(a.body);
  t.same(gz, zlib.gzipSync(text, { level: 1 }), 'gzip level 1');
  t.equal(a.gzip, gz);
  t.equal(compressingZlib.gzipSync(a.body), gz);

  const small = store.remember('/v1/small', Buffer.from('{"data":[1,2,3]}'), 'application/json');
  const smallBr = compressingZlib.brotliCompressSync(small.body);
  const expectedSmall = zlib.brotliCompressSync(small.body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 0,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: small.body.byteLength,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 16,
    },
  });
  // Equivalent mutant, left: BROTLI_MIN_WINDOW_BITS - 6 for the floor gives the same bytes, since
  // brotli shrinks the window to the size hint for small bodies; the floor only keeps the
  // parameter in brotli's valid range (10–24) whatever the body.
  t.same(smallBr, expectedSmall, 'the window is never below 16 bits');

  precompress(a.body);
  t.same(a.br, expectedBrotli(11, 17), 'prepared answers get brotli 11');
  t.same(a.gzip, zlib.gzipSync(text, { level: 9 }), 'and gzip 9');
});

t.test('a body that is no answer is compressed as usual, every time', async (t) => {
  const body = Buffer.from('x'.repeat(1000));
  const first = compressingZlib.gzipSync(body);
  t.same(zlib.gunzipSync(first), body);
  t.not(compressingZlib.gzipSync(body), first, 'nothing kept');
  t.same(zlib.brotliDecompressSync(compressingZlib.brotliCompressSync(body)), body);
  t.doesNotThrow(() => precompress(body), 'precompressing it does nothing');
  t.equal(compressingZlib.inflateSync, zlib.inflateSync, 'the rest of zlib is zlib');
});
