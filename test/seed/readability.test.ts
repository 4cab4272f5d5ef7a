import t from 'tap';
import { loadSeed } from '../../src/seed/load.js';
import { RECORD_COLLECTIONS } from '../../src/seed/schemas.js';
import { gradeOf, median, plainText } from '../helpers/readability.js';
import { SEED_DIR } from '../helpers/store.js';

// Plain language, measured (EDITORIAL.md rule 6): NHS content aims at a reading age of 9–11.
const TARGETS = { medianSummary: 6, medianBody: 7, maxSummary: 9 };

interface Text {
  id: string;
  summary: string;
  body: string;
}

// A record's body is everything a reader gets besides the summary: the Markdown body and the
// type's own prose (a topic's definition, key points and comparisons, a therapy's "when to
// consider", a strategy's first step, per-topic notes).
function texts(): Text[] {
  const seed = loadSeed(SEED_DIR);
  const out: Text[] = seed.topics.map(({ slug, data, body }) => ({
    id: `topics/${slug}`,
    summary: data.summary,
    body: [data.definition, ...data.keyPoints.map((k) => `- ${k}`), ...data.comparisons.map((c) => c.text), body].join('\n\n'),
  }));
  for (const collection of RECORD_COLLECTIONS) {
    for (const { slug, data, body } of seed.records[collection]) {
      const extra = data as { whenToConsider?: string; firstStep?: string };
      const notes = data.topics.flatMap((l) => (l.note ? [l.note] : []));
      out.push({
        id: `${collection}/${slug}`,
        summary: data.summary,
        body: [body, extra.whenToConsider, extra.firstStep, ...notes].filter(Boolean).join('\n\n'),
      });
    }
  }
  return out;
}

t.test('the grade measure tells easy text from hard text', async (t) => {
  t.ok(gradeOf('The cat sat on the mat. It was warm.') < 2, 'short words, short sentences');
  t.ok(
    gradeOf('Psychodynamic psychotherapy investigates unconscious intrapsychic conflicts originating developmentally.') > 14,
    'long words',
  );
  t.equal(
    plainText('## Heading\n\n- **Bold** [link](https://x.org)'),
    'Heading.\n\nBold link.',
    'Markdown is stripped; headings and list items end sentences',
  );
});

t.test('summaries and bodies meet the plain-language targets', async (t) => {
  const all = texts();
  const summaries = all.map((x) => ({ id: x.id, grade: gradeOf(x.summary) }));
  const bodies = all.map((x) => ({ id: x.id, grade: gradeOf(x.body) }));
  const medianSummary = median(summaries.map((s) => s.grade));
  const medianBody = median(bodies.map((s) => s.grade));
  const round = (n: number) => Math.round(n * 10) / 10;
  t.comment(
    `median summary ${round(medianSummary)}, median body ${round(medianBody)}, max summary ${round(Math.max(...summaries.map((s) => s.grade)))}`,
  );
  t.ok(medianSummary <= TARGETS.medianSummary, `median summary grade ${round(medianSummary)} ≤ ${TARGETS.medianSummary}`);
  t.ok(medianBody <= TARGETS.medianBody, `median body grade ${round(medianBody)} ≤ ${TARGETS.medianBody}`);
  const hard = summaries.filter((s) => s.grade > TARGETS.maxSummary).map((s) => `${s.id} (${round(s.grade)})`);
  t.same(hard, [], `no summary above grade ${TARGETS.maxSummary}`);
});
