import t from 'tap';
import { CRISIS_PATTERNS, detectCrisis, normalise } from '../../src/safety/crisis-detection.js';

// Queries that suggest someone may be at risk: each must be detected, with the reason given.
const AT_RISK: [string, string][] = [
  ['suicide', 'suicide'],
  ['Suicidal thoughts', 'suicide'],
  ['sucide', 'suicide'],
  ['suicde help', 'suicide'],
  ['suiside', 'suicide'],
  ['feeling sucidal', 'suicide'],
  ['SUICIDE!!!', 'suicide'],
  ['suiiiicide', 'suicide'],
  ['unalive myself', 'suicide'],
  ['sewerslide', 'suicide'],
  ['kms', 'suicide'],
  ['i want to kms', 'suicide'],
  ['kill myself', 'kill-myself'],
  ['I want to kill myself', 'kill-myself'],
  ['kil myself', 'kill-myself'],
  ['killing my self', 'kill-myself'],
  ['thinking of hurting myself', 'kill-myself'],
  ['end my life', 'end-my-life'],
  ['I just want to end it all', 'end-my-life'],
  ['take my own life', 'end-my-life'],
  ['life is not worth living', 'end-my-life'],
  ['no reason to live', 'end-my-life'],
  ['better off dead', 'end-my-life'],
  ["I can't go on anymore", 'end-my-life'],
  ['want to die', 'want-to-die'],
  ['i wanna die', 'want-to-die'],
  ['i want 2 die', 'want-to-die'],
  ['wnat to die', 'want-to-die'],
  ['dont want to be here', 'want-to-die'],
  ["I don't want to be here anymore", 'want-to-die'],
  ['i dont want to live', 'want-to-die'],
  ['wish i was dead', 'want-to-die'],
  ['how to die', 'want-to-die'],
  ['self harm', 'self-harm'],
  ['self-harm', 'self-harm'],
  ['selfharm', 'self-harm'],
  ['self harming again', 'self-harm'],
  ['cutting myself', 'self-harm'],
  ['cut my wrists', 'self-harm'],
  ['overdose', 'overdose'],
  ['overdosing on pills', 'overdose'],
  ['od', 'overdose'],
  ['thinking about an OD', 'overdose'],
  ['took all my pills', 'overdose'],
];

// Ordinary searches that share words with the patterns: none may be flagged.
const ORDINARY = [
  'kill time',
  'how to kill time when lonely',
  'killer workout',
  'self-reflection',
  'self reflection journaling',
  'self care',
  'self-esteem',
  'dying to know',
  'cut back on caffeine',
  'cutting back on social media',
  'cut off from friends',
  'end of a relationship',
  'how to end things with my partner',
  'taking my time',
  'life is hard',
  'want to talk',
  "I don't want to go out",
  'overdone',
  'odd feelings',
  'body image',
  'emotional withdrawal',
  'numbness',
  'journaling',
  'catch the bus',
  "can't go on a date",
  'grief after someone died',
];

t.test('at-risk queries are detected, with the pattern that matched', async (t) => {
  for (const [query, reason] of AT_RISK) {
    const result = detectCrisis(query);
    t.equal(result.detected, true, `"${query}" is detected`);
    t.equal(result.reason, reason, `"${query}" is reported as ${reason}`);
    t.type(result.matched, 'string');
  }
});

t.test('ordinary queries are not detected', async (t) => {
  for (const query of ORDINARY) {
    const result = detectCrisis(query);
    t.same(result, { detected: false, reason: null, matched: null }, `"${query}" is ordinary`);
  }
});

t.test('every pattern is exercised by at least one at-risk query', async (t) => {
  const covered = new Set(AT_RISK.map(([, reason]) => reason));
  for (const pattern of CRISIS_PATTERNS) t.ok(covered.has(pattern.id), `${pattern.id} has a test`);
});

t.test('normalisation removes case, accents, punctuation and stretched letters', async (t) => {
  t.equal(normalise('  Don’t   want to   be HERE!! '), 'dont want to be here');
  t.equal(normalise('Suicídé'), 'suicide');
  t.equal(normalise('self-harm'), 'self harm');
  t.equal(normalise('pleeease'), 'please');
});

t.test('detection is deterministic', async (t) => {
  for (const [query] of AT_RISK.slice(0, 5)) t.same(detectCrisis(query), detectCrisis(query));
});
