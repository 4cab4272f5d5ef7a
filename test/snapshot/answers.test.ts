// A snapshot's answers (src/snapshot/answers.ts, answer-cache.ts, answer.ts): made once per key,
// prepared ones never evicted, everything else in one LRU cache bounded by bytes, keys included.
import t from 'tap';
import { makeAnswer, weakEtagOf } from '../../src/snapshot/answer.js';
import { AnswerCache, entryBytes } from '../../src/snapshot/answer-cache.js';
import { Answers } from '../../src/snapshot/answers.js';

const JSON_TYPE = 'application/json; charset=utf-8';

t.test('an answer: its bytes, a weak ETag hashed from them, its media type, no compressed form yet', async (t) => {
  const answer = makeAnswer('{"a":"é"}', JSON_TYPE);
  t.same(answer.bytes, Buffer.from('{"a":"é"}'));
  t.equal(answer.bytes.byteLength, 10, 'UTF-8');
  t.equal(answer.etag, weakEtagOf(Buffer.from('{"a":"é"}')));
  t.match(answer.etag, /^W\/"[A-Za-z0-9_-]{27}"$/, 'weak, base64url SHA-1');
  t.equal(answer.mediaType, JSON_TYPE);
  t.same(answer.encoded, {});
  t.equal(answer.bytes.buffer.byteLength, 10, 'bytes of its own, not a slice of Node’s shared pool');
  const bytes = Buffer.from('<p>x</p>');
  t.equal(makeAnswer(bytes, 'text/html').bytes, bytes, 'bytes are kept as given');
  t.not(makeAnswer('a', JSON_TYPE).etag, makeAnswer('b', JSON_TYPE).etag, 'other bytes, another tag');
  t.equal(weakEtagOf('same'), weakEtagOf(Buffer.from('same')), 'text and its bytes: one tag');
});

t.test('made once per key; prepared answers first; a miss is said to be one', async (t) => {
  const answers = new Answers({ maxBytes: 1024 * 1024, maxEntryBytes: 64 * 1024, maxPrepared: 2 });
  let made = 0;
  const body = (text: string) => () => {
    made++;
    return text;
  };
  const first = answers.answer('/a', body('one'), JSON_TYPE);
  t.equal(first.computed, true);
  t.equal(first.answer.bytes.toString(), 'one');
  const again = answers.answer('/a', body('two'), JSON_TYPE);
  t.equal(again.computed, false, 'a hit');
  t.equal(again.answer, first.answer, 'the same answer');
  t.equal(made, 1);

  t.equal(answers.prepare('/p', body('prepared'), JSON_TYPE), true);
  t.equal(answers.prepare('/p', body('again'), JSON_TYPE), true, 'already prepared: nothing to do');
  t.equal(made, 2);
  t.equal(answers.answer('/p', body('x'), JSON_TYPE).answer.bytes.toString(), 'prepared');
  t.equal(answers.prepare('/q', body('q'), JSON_TYPE), true);
  t.equal(answers.prepare('/r', body('r'), JSON_TYPE), false, 'the budget of prepared answers is spent');
  t.same(
    [...answers.preparedAnswers()].map((a) => a.bytes.toString()),
    ['prepared', 'q'],
  );
  t.same(answers.stats, { prepared: 2, cached: 1, cachedBytes: entryBytes('/a', first.answer) });

  const both = new Answers({ maxBytes: 1024 * 1024, maxEntryBytes: 64 * 1024, maxPrepared: 1 });
  both.answer('/a', body('cached a'), JSON_TYPE);
  both.prepare('/a', body('prepared a'), JSON_TYPE);
  t.equal(both.answer('/a', body('x'), JSON_TYPE).answer.bytes.toString(), 'prepared a', 'a prepared answer wins over a cached one');
});

t.test('the cache is bounded by bytes, keys and room for compressed forms included', async (t) => {
  const answer = makeAnswer('{}', JSON_TYPE);
  t.equal(entryBytes('/k', answer), 2 * 2 + answer.etag.length * 2 + 2 + 256, 'key and ETag as UTF-16, the bytes, overhead');
  const cache = new AnswerCache({ maxBytes: 64 * 1024, maxEntryBytes: 32 * 1024 });
  for (let i = 0; i < 2000; i++) cache.set(`/v1/signs?q=${'x'.repeat(4000)}${i}`, answer);
  t.ok(cache.stats.bytes <= 64 * 1024, `within the budget (${cache.stats.bytes} bytes)`);
  t.ok(cache.stats.entries < 10, 'long keys leave room for only a few entries');
  t.ok(cache.get(`/v1/signs?q=${'x'.repeat(4000)}1999`), 'the newest are kept');
  t.notOk(cache.get(`/v1/signs?q=${'x'.repeat(4000)}0`), 'the oldest went first');
  cache.set('/big', makeAnswer(Buffer.alloc(33 * 1024), JSON_TYPE));
  t.notOk(cache.get('/big'), 'an answer over the per-entry limit is served but not kept');
  const small = makeAnswer(Buffer.alloc(20 * 1024), JSON_TYPE);
  cache.set('/small', small);
  t.ok(cache.get('/small'), 'one within it is kept');
  const alone = new AnswerCache({ maxBytes: 64 * 1024, maxEntryBytes: 32 * 1024 });
  alone.set('/small', small);
  const before = alone.stats.bytes;
  small.encoded.br = Buffer.alloc(1000);
  small.grew?.();
  t.equal(alone.stats.bytes, before + 1000, 'a compressed form kept later is counted when it is kept');
  small.encoded.gzip = Buffer.alloc(12 * 1024);
  small.grew?.();
  t.notOk(alone.get('/small'), 'and an entry that grows past the per-entry limit is dropped');
  const gone = makeAnswer('{}', JSON_TYPE);
  cache.set('/gone', gone);
  for (let i = 0; i < 200; i++) cache.set(`/filler-${i}`, makeAnswer(Buffer.alloc(1024), JSON_TYPE));
  t.notOk(cache.get('/gone'), 'evicted');
  gone.grew?.();
  t.notOk(cache.get('/gone'), 'an evicted answer that grows is not put back');
});
