import t from 'tap';
import { escapeHtml } from '../../src/render/escape.js';

// The one escaper for element content and quoted attribute values (pages, embeds, snippets).
t.test('the five markup characters become entities, each wherever it is and however often', async (t) => {
  t.equal(escapeHtml('&<>"\''), '&amp;&lt;&gt;&quot;&#39;');
  t.equal(escapeHtml('a & b && c'), 'a &amp; b &amp;&amp; c');
  t.equal(escapeHtml('<p title="x">it\'s</p>'), '&lt;p title=&quot;x&quot;&gt;it&#39;s&lt;/p&gt;');
  t.equal(escapeHtml('&amp;'), '&amp;amp;', 'already escaped text is escaped again, not trusted');
});

t.test('invisible and reordering characters are replaced, every one of them', async (t) => {
  t.equal(escapeHtml('a\u0000b\u202ec\u2066d'), 'a\ufffdb\ufffdc\ufffdd');
  t.equal(escapeHtml('<\u0007>'), '&lt;\ufffd&gt;', 'with markup characters in the same text');
});

t.test('text with nothing to escape comes back as it is, without being rewritten', async (t) => {
  const texts = ['', 'plain words', 'caf\u00e9 \u2014 na\u00efve', 'line\nbreak\ttab\r', 'a\u200db', '\ud83d\ude00'];
  for (const text of texts) t.equal(escapeHtml(text), text, JSON.stringify(text));
  // Most text has nothing to escape: one scan answers, and no replacement runs (escape.ts).
  // eslint-disable-next-line @typescript-eslint/unbound-method -- capture calls it with each string as `this`
  const replacements = t.capture(String.prototype, 'replace', String.prototype.replace);
  for (const text of texts) escapeHtml(text);
  const calls = replacements().length;
  replacements.restore();
  t.equal(calls, 0);
});
