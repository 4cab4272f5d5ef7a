import { readFileSync } from 'node:fs';
import t from 'tap';
import { detectByPhrases } from '../../src/safety/crisis-detection.js';

// One example per alternative of the phrase patterns, read by the phrases alone (the model would
// hide a lost alternative): emptying any one alternative fails one of these. The examples were
// written from the patterns, so they measure nothing; the evaluation sets do that
// (crisis-sets.test.ts). docs/mutation.md has the mutation score they reach.

interface Examples {
  atRisk: { text: string; category: string; pins: string }[];
  ordinary: { text: string; pins: string }[];
}
const examples = JSON.parse(readFileSync(new URL('crisis-phrase-examples.json', import.meta.url), 'utf8')) as Examples;

t.test('each at-risk example is flagged by the phrases, in its category', async (t) => {
  t.ok(examples.atRisk.length > 300, `${examples.atRisk.length} examples`);
  for (const { text, category, pins } of examples.atRisk) {
    const found = detectByPhrases(text);
    t.equal(found.reason, category, `${text} (pins ${pins})`);
  }
});

t.test('each ordinary example is left alone by the phrases (an idiom or a guard keeps it out)', async (t) => {
  t.ok(examples.ordinary.length > 10, `${examples.ordinary.length} examples`);
  for (const { text, pins } of examples.ordinary) t.notOk(detectByPhrases(text).detected, `${text} (pins ${pins})`);
});
