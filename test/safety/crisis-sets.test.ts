import t from 'tap';
import { type CrisisDetection, detectByPhrases, detectCrisis } from '../../src/safety/crisis-detection.js';
import { CRISIS_SETS, DEVELOPMENT_SETS, type CrisisSet } from '../helpers/crisis-sets.js';

// The evaluation sets of crisis detection (test/safety/crisis-sets/, see docs/crisis-detection.md).
// Each was written by someone who had not read the patterns: at-risk phrasings by category and
// form, and ordinary phrasings that share words with them. The patterns generalise from the
// development sets (A, B, C) and are never edited by copying their phrasings, and the model is
// trained on them (with the training sets of test/safety/crisis-training/); the confirmation sets
// were written later and have never been used to change either. D to I, measured in their turn,
// are retired: the model now learns from them too, and J to M confirm.

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

/**
 * Each confirmation set (retired ones too) as last measured, for the phrases alone and with the
 * model: recall and false alarms (ordinary phrasings flagged, of those that are not topic
 * mentions). Floors, not targets: they keep what was reached from falling while the readers are
 * improved. A retired set's figures with the model are the model's on data it learnt from.
 */
const CONFIRMED = {
  'crisis-set-d': { phrases: { recall: 124 / 220, falseAlarms: 6 / 218 }, withModel: { recall: 209 / 220, falseAlarms: 6 / 218 } },
  'crisis-set-e': { phrases: { recall: 151 / 220, falseAlarms: 10 / 220 }, withModel: { recall: 208 / 220, falseAlarms: 10 / 220 } },
  'crisis-set-f': { phrases: { recall: 144 / 220, falseAlarms: 2 / 215 }, withModel: { recall: 213 / 220, falseAlarms: 2 / 215 } },
  'crisis-set-g': { phrases: { recall: 110 / 220, falseAlarms: 7 / 220 }, withModel: { recall: 204 / 220, falseAlarms: 7 / 220 } },
  'crisis-set-h': { phrases: { recall: 122 / 220, falseAlarms: 7 / 220 }, withModel: { recall: 208 / 220, falseAlarms: 7 / 220 } },
  'crisis-set-i': { phrases: { recall: 144 / 220, falseAlarms: 6 / 191 }, withModel: { recall: 209 / 220, falseAlarms: 6 / 191 } },
  'crisis-set-j': { phrases: { recall: 157 / 220, falseAlarms: 8 / 196 }, withModel: { recall: 207 / 220, falseAlarms: 9 / 196 } },
  'crisis-set-k': { phrases: { recall: 131 / 220, falseAlarms: 6 / 199 }, withModel: { recall: 190 / 220, falseAlarms: 6 / 199 } },
  'crisis-set-l': { phrases: { recall: 139 / 220, falseAlarms: 9 / 202 }, withModel: { recall: 201 / 220, falseAlarms: 13 / 202 } },
  'crisis-set-m': { phrases: { recall: 154 / 220, falseAlarms: 7 / 201 }, withModel: { recall: 202 / 220, falseAlarms: 10 / 201 } },
  'crisis-set-n': { phrases: { recall: 139 / 220, falseAlarms: 8 / 205 }, withModel: { recall: 193 / 220, falseAlarms: 12 / 205 } },
} as const;

t.test('the confirmation sets do not regress below what docs/crisis-detection.md reports', async (t) => {
  const confirmations = CRISIS_SETS.filter((s) => s.role !== 'development');
  t.same(
    confirmations.map((s) => s.name),
    Object.keys(CONFIRMED),
  );
  for (const set of confirmations) {
    const floors = CONFIRMED[set.name as keyof typeof CONFIRMED];
    for (const [reader, detect] of [
      ['phrases', detectByPhrases],
      ['withModel', detectCrisis],
    ] as const) {
      const { recall, falseAlarmRate } = score(set, detect);
      t.ok(recall >= floors[reader].recall - 1e-9, `${set.name}, ${reader}: recall ${recall.toFixed(3)}`);
      t.ok(falseAlarmRate <= floors[reader].falseAlarms + 1e-9, `${set.name}, ${reader}: false alarms ${falseAlarmRate.toFixed(3)}`);
    }
  }
});

t.test('the model only adds: every phrasing the phrases catch is caught with it too', async (t) => {
  for (const set of CRISIS_SETS) {
    const lost = set.atRisk.filter((p) => detectByPhrases(p.text).detected && !detectCrisis(p.text).detected);
    t.same(lost, [], set.name);
  }
});

t.test('a topic mention (suicide, self-harm or an overdose as a subject) is counted apart', async (t) => {
  const mentions = CRISIS_SETS.flatMap((s) => s.ordinary.filter((p) => p.topicMention));
  t.ok(mentions.length > 0);
  for (const p of mentions) t.match(p.text, /suicid|self[- ]?harm|overdos|unalive|sewer slide|\bkms\b|od'd/i, p.text);
});
