import t from 'tap';
import { INVISIBLE, INVISIBLE_ALL, UNSAFE_IN_MARKUP } from '../../src/content/characters.js';
import { escapeHtml } from '../../src/render/escape.js';
import { normalise } from '../../src/search/text.js';

// The one list of invisible characters, and what each of its users does with it.
const invisible = [
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009f',
  '\u061c',
  '\u200b',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202e',
  '\u2060',
  '\u2066',
  '\u2069',
  '\ufeff',
];
const visible = ['a', ' ', 'é', '\u00a0', '\u2014', '\u2070', '\ufffd', '😀'];

t.test('the list holds controls, bidi marks, overrides and isolates, and nothing visible', async (t) => {
  for (const c of invisible) t.ok(INVISIBLE.test(`x${c}y`), `U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
  for (const c of visible) t.notOk(INVISIBLE.test(c), `not ${JSON.stringify(c)}`);
  t.equal('a\u202eb\u0000c'.replace(INVISIBLE_ALL, ''), 'abc', 'every occurrence is found');
});

t.test('escaping for markup replaces them but keeps layout whitespace and the joiners', async (t) => {
  t.equal(escapeHtml('a\u202eb\u0000c\u2066d'), 'a\ufffdb\ufffdc\ufffdd');
  // Each on its own too: text with nothing else to escape takes a shorter way.
  for (const c of invisible) t.equal(escapeHtml(`x${c}y`), 'x\ufffdy', `U+${c.codePointAt(0)!.toString(16).padStart(4, '0')} alone`);
  for (const [c, entity] of Object.entries({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }))
    t.equal(escapeHtml(`x${c}y`), `x${entity}y`, `${c} alone`);
  for (const c of visible) t.equal(escapeHtml(c), c, `${JSON.stringify(c)} as it is`);
  t.equal(escapeHtml('line\n\ttab\r'), 'line\n\ttab\r');
  const family = '👨\u200d👩\u200d👧';
  t.equal(escapeHtml(family), family, 'ZWJ emoji sequences survive');
  t.equal(escapeHtml('a\u200cb'), 'a\u200cb', 'ZWNJ survives');
  t.equal('\t\n\r\u200c\u200d'.replace(UNSAFE_IN_MARKUP, ''), '\t\n\r\u200c\u200d');
});

t.test('search treats them as word breaks', async (t) => {
  t.equal(normalise('lone\u202eliness'), 'lone liness');
  t.equal(normalise('numb\u200bness'), 'numb ness');
});
