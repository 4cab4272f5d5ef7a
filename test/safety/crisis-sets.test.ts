import t from 'tap';
import { type CrisisDetection, detectCrisis, detectCrisisWithModel } from '../../src/safety/crisis-detection.js';
import { CRISIS_SETS, DEVELOPMENT_SETS, type CrisisSet } from '../helpers/crisis-sets.js';

// The evaluation sets of crisis detection (test/safety/crisis-sets/, see docs/crisis-detection.md).
// Each was written by someone who had not read the patterns: at-risk phrasings by category and
// form, and ordinary phrasings that share words with them. The patterns generalise from the
// development sets (A, B, C) and are never edited by copying their phrasings; the confirmation set
// (D) was written last and has never been used to change them.

/** At most this share of ordinary phrasings may be flagged (topic mentions apart). */
const FALSE_ALARM_CEILING = 0.02;

const score = (set: CrisisSet, detect: (query: string) => CrisisDetection = detectCrisis) => {
  const missed = set.atRisk.filter((p) => !detect(p.text).detected);
  const ordinary = set.ordinary.filter((p) => !p.topicMention);
  const falseAlarms = ordinary.filter((p) => detect(p.text).detected);
  return { recall: 1 - missed.length / set.atRisk.length, missed, falseAlarmRate: falseAlarms.length / ordinary.length, falseAlarms };
};

for (const set of DEVELOPMENT_SETS) {
  t.test(`${set.name} (development): every at-risk phrasing is detected, few ordinary ones are`, async (t) => {
    t.ok(set.atRisk.length >= 150 && set.ordinary.length >= 150, 'at least 150 of each');
    const { missed, falseAlarmRate, falseAlarms } = score(set);
    t.same(
      missed.map((p) => p.text),
      [],
      'no at-risk phrasing is missed',
    );
    t.ok(
      falseAlarmRate <= FALSE_ALARM_CEILING,
      `${falseAlarms.length} ordinary phrasings flagged: ${falseAlarms.map((p) => p.text).join(' | ')}`,
    );
  });
}

t.test('every category is in every set, in several forms', async (t) => {
  for (const set of CRISIS_SETS) {
    const categories = new Set(set.atRisk.map((p) => p.category));
    t.ok(categories.size >= 10, `${set.name}: ${categories.size} categories`);
    t.ok(new Set(set.atRisk.map((p) => p.form)).size >= 4, `${set.name}: several forms`);
  }
});

t.test('the confirmation set does not regress below what docs/crisis-detection.md reports', async (t) => {
  // Recall on a set the patterns were never fitted to is the honest measure of how far they
  // generalise, and it falls well short of the development sets (see the doc). This keeps it
  // from falling further while the approach is replaced; it is not the target.
  const confirmation = CRISIS_SETS.find((s) => s.role.startsWith('confirmation'));
  if (!confirmation) throw new Error('no confirmation set');
  const { recall, falseAlarmRate } = score(confirmation);
  t.ok(recall >= 0.56, `recall ${recall.toFixed(3)}`);
  t.ok(falseAlarmRate <= 0.03, `false alarms ${falseAlarmRate.toFixed(3)}`);
});

t.test('with the model as a second reader: the development sets as before, and more of the confirmation set', async (t) => {
  // The model (docs/crisis-detection.md, "The second reader") was trained on A, B and C only. On D,
  // measured once for this design, it raised recall from 56.4 % to 72.3 % and false alarms from 6 to
  // 7 of 218; these floors keep what it reached.
  for (const set of DEVELOPMENT_SETS) {
    const { recall, falseAlarmRate } = score(set, detectCrisisWithModel);
    t.equal(recall, 1, `${set.name}: recall`);
    t.ok(falseAlarmRate <= FALSE_ALARM_CEILING, `${set.name}: false alarms ${falseAlarmRate.toFixed(3)}`);
  }
  const confirmation = CRISIS_SETS.find((s) => s.role.startsWith('confirmation'));
  if (!confirmation) throw new Error('no confirmation set');
  const { recall, falseAlarmRate } = score(confirmation, detectCrisisWithModel);
  t.ok(recall >= 0.72, `recall ${recall.toFixed(3)}`);
  t.ok(falseAlarmRate <= 7 / 218 + 1e-9, `false alarms ${falseAlarmRate.toFixed(3)}`);
});

t.test('a topic mention (suicide, self-harm or an overdose as a subject) is counted apart', async (t) => {
  const mentions = CRISIS_SETS.flatMap((s) => s.ordinary.filter((p) => p.topicMention));
  t.ok(mentions.length > 0);
  for (const p of mentions) t.match(p.text, /suicid|self[- ]?harm|overdos|unalive|sewer slide|\bkms\b|od'd/i, p.text);
});
