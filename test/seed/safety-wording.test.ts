import t from 'tap';
import { loadSeed } from '../../src/seed/load.js';
import { SEED_DIR } from '../helpers/store.js';

// Safety wording a reader needs, checked so that a rewrite that drops it fails (EDITORIAL.md
// rules 5 and 7; the clinical-evidence audit of 2026-12). These rules cover the topics, signs,
// causes and impacts; the other collections can be added once their records carry the wording.
const seed = loadSeed(SEED_DIR);

interface Entry {
  id: string;
  text: string;
  sources: string[];
  signposts: string[];
  setting?: string;
}

// What a reader sees: title, summary and body, and a topic's definition, key points and
// comparisons or a record's per-topic notes. Front-matter for editors (peopleSay, keywords,
// editorNotes) is not part of it.
const entries: Entry[] = [
  ...seed.topics.map(({ slug, data, body }) => ({
    id: `topics/${slug}`,
    text: [data.title, data.summary, data.definition, ...data.keyPoints, ...data.comparisons.map((c) => c.text), body].join('\n'),
    sources: data.sources.map((s) => s.slug),
    signposts: [...data.signposts],
  })),
  ...(['signs', 'causes', 'impacts'] as const).flatMap((collection) =>
    seed.records[collection].map(({ slug, data, body }) => ({
      id: `${collection}/${slug}`,
      text: [data.title, data.summary, body, ...data.topics.map((l) => l.note ?? '')].join('\n'),
      sources: data.sources.map((s) => s.slug),
      signposts: [...data.signposts],
      setting: (data as { setting?: string }).setting,
    })),
  ),
];
const byId = new Map(entries.map((e) => [e.id, e]));
const entry = (id: string) => {
  const e = byId.get(id);
  if (!e) throw new Error(`no record ${id}`);
  return e;
};
const flat = (s: string) => s.replace(/\s+/g, ' ');

t.test(
  'every record mentioning substance withdrawal warns that stopping suddenly can be dangerous and says to talk to a doctor first',
  async (t) => {
    const mentions =
      /substance withdrawal|\bdetox\b|recovery from (alcohol|drugs?|substance)|(stop|stops|stopping|quit|quitting|giving up|cut down|cutting down)( on)? (using )?(alcohol|drinking|drugs)|heavy drinking|benzodiazepines?/i;
    const found = entries.filter((e) => mentions.test(flat(e.text)));
    for (const id of ['causes/substance-use-recovery', 'signs/restlessness-and-irritability', 'topics/emotional-withdrawal']) {
      t.ok(
        found.some((e) => e.id === id),
        `${id} is recognised as mentioning substance withdrawal`,
      );
    }
    for (const e of found) {
      const text = flat(e.text);
      t.match(
        text,
        /stopping heavy drinking[^.]*all at once can be dangerous/i,
        `${e.id}: says stopping heavy drinking all at once can be dangerous`,
      );
      t.match(text, /talk to a doctor first/i, `${e.id}: says to talk to a doctor first`);
      t.ok(e.sources.includes('alberta-alcohol-withdrawal'), `${e.id}: cites a health service page on stopping alcohol safely`);
      if (/benzodiazepine|calming or sleeping medicines/i.test(text)) {
        t.ok(e.sources.includes('fda-benzodiazepines'), `${e.id}: cites the FDA on the danger of stopping benzodiazepines suddenly`);
        t.ok(
          e.sources.includes('alberta-benzodiazepine-stopping'),
          `${e.id}: cites a health service page on lowering benzodiazepines with a doctor`,
        );
      }
    }
  },
);

t.test(
  'depression-symptom records signpost urgent help and say to get help right away if there are thoughts of suicide or self-harm',
  async (t) => {
    const named = [
      'signs/rising-stress-anxiety-or-depression',
      'signs/loss-of-interest-or-pleasure',
      'signs/guilt-shame-or-worthlessness',
      'signs/loss-of-motivation-or-energy',
      'signs/tearfulness-or-emotional-flatness',
      'signs/restlessness-and-irritability',
      'signs/trouble-concentrating-or-remembering',
      'signs/pulling-away-from-people',
      'signs/losing-touch-with-people',
      'impacts/mental-health-effects',
      'impacts/long-term-risks',
      'causes/mental-health-conditions',
    ];
    // Any other record that describes signs of depression is held to the same rule.
    const describes = /\b(signs?|symptoms?) of depression\b|people with depression/i;
    const ids = new Set([...named, ...entries.filter((e) => describes.test(flat(e.text))).map((e) => e.id)]);
    for (const id of ids) {
      const e = entry(id);
      t.ok(e.signposts.includes('urgent-help'), `${id}: signposts urgent help`);
      t.match(
        flat(e.text),
        /If you have thoughts of suicide or of harming yourself, get help right away\./,
        `${id}: tells the reader to get help right away`,
      );
    }
  },
);

t.test('the partner-silence and withheld-affection records name coercive control and signpost domestic-abuse help', async (t) => {
  const named = ['signs/withholding-communication', 'signs/reduced-affection'];
  // Anywhere else silence or holding back affection is described, and every sign seen in couples.
  const describes =
    /silent treatment|going silent|go(es)? quiet|going quiet|withh(o|e)ld|holding back (love|affection)|keeps? back affection/i;
  const ids = new Set([
    ...named,
    ...entries.filter((e) => describes.test(flat(e.text.replace(/feelings have gone quiet/gi, '')))).map((e) => e.id),
    ...entries.filter((e) => e.setting === 'romantic-relationship').map((e) => e.id),
  ]);
  t.ok(ids.size > named.length, 'the rule reaches records beyond the two named ones');
  for (const id of ids) {
    const e = entry(id);
    const text = flat(e.text);
    t.match(text, /coercive control/i, `${id}: names coercive control`);
    t.match(text, /to punish[^.]*control|punish or control/i, `${id}: says it is about punishing or controlling`);
    t.match(text, /form of abuse/i, `${id}: says it is a form of abuse`);
    t.ok(e.signposts.includes('domestic-abuse'), `${id}: signposts domestic-abuse help`);
    t.ok(e.sources.includes('wa-coercive-control'), `${id}: cites a government page on coercive control`);
  }
});

t.test("no reader-facing text carries an editors' aside about where a fact came from", async (t) => {
  const aside =
    /\bthe (withdrawal|isolation|detachment|source) article\b|\bthe articles?\b|\bthe sources?\b|health sources|according to|read here|this (page|record) is based on|these records draw on/i;
  const offending = entries.filter((e) => aside.test(flat(e.text))).map((e) => `${e.id}: "${flat(e.text).match(aside)![0]}"`);
  t.same(offending, [], 'asides belong in editorNotes, and where a fact came from in sources[].supports');
});

t.test('jargon is explained in plain words where it appears', async (t) => {
  const terms: [RegExp, RegExp, string][] = [
    [/\bPTSD\b/, /post-traumatic stress disorder|(follow|after) a (very )?(frightening|scary|traumatic)/i, 'PTSD'],
    [/\bSSRIs?\b/, /serotonin|antidepressant/i, 'SSRI'],
    [/dissociation/i, /dissociation, which means/i, 'dissociation'],
    [/benzodiazepine/i, /calming or sleeping medicines/i, 'benzodiazepine'],
    [/\bCBT\b/, /cognitive behavioral therapy/i, 'CBT'],
    [/bipolar|personality disorder|alexithymia/i, /(?!)/, 'an unexplained diagnosis'],
  ];
  for (const e of entries) {
    const text = flat(e.text);
    for (const [term, explained, name] of terms) if (term.test(text)) t.match(text, explained, `${e.id}: ${name} is explained`);
  }
});

t.test('every source a record cites says what it supports in that record', async (t) => {
  const missing: string[] = [];
  for (const { slug, data } of seed.topics) for (const s of data.sources) if (!s.supports) missing.push(`topics/${slug} → ${s.slug}`);
  for (const collection of ['signs', 'causes', 'impacts'] as const) {
    for (const { slug, data } of seed.records[collection])
      for (const s of data.sources) if (!s.supports) missing.push(`${collection}/${slug} → ${s.slug}`);
  }
  t.same(missing, []);
});
