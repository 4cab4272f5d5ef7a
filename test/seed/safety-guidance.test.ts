import t from 'tap';
import { AUTHORITATIVE } from '../../src/content/vocabulary.js';
import { type Entry, loadSeed } from '../../src/seed/load.js';
import { RECORD_COLLECTIONS, type SeedRecord } from '../../src/seed/schemas.js';
import { SEED_DIR } from '../helpers/store.js';

// Safety wording from the clinical-evidence audit: each rule below is one the content states in
// plain words, backed by a source a reader can follow. The phrases are checked so that a later
// rewrite that drops the safety point fails here, not in front of a patient.

const seed = loadSeed(SEED_DIR);
const sources = new Map(seed.sources.map((s) => [s.slug, s.data]));

// The collections whose records were reviewed for these rules (strategies, therapies, FAQs,
// contexts, stories); rules that hold for every record are checked across all collections.
const REVIEWED = ['strategies', 'therapies', 'faqs', 'contexts', 'stories'] as const;

type Record_ = Entry<SeedRecord> & { collection: string };
const all: Record_[] = RECORD_COLLECTIONS.flatMap((collection) => seed.records[collection].map((r) => ({ ...r, collection })));
const reviewed = all.filter((r) => (REVIEWED as readonly string[]).includes(r.collection));

function record(id: string): Record_ {
  const found = all.find((r) => `${r.collection}/${r.slug}` === id);
  if (!found) throw new Error(`no record ${id}`);
  return found;
}

/** Everything a reader sees of a record (never editorNotes, keywords or peopleSay). */
function readerText(r: Record_): string {
  const extra = r.data as { whenToConsider?: string; firstStep?: string };
  return [r.data.title, r.data.summary, r.body, extra.whenToConsider, extra.firstStep, ...r.data.topics.map((l) => l.note)]
    .filter(Boolean)
    .join('\n');
}

const cites = (r: Record_, slug: string) => r.data.sources.some((s) => s.slug === slug);
const authoritative = (slug: string) => {
  const s = sources.get(slug);
  return s !== undefined && (AUTHORITATIVE as readonly string[]).includes(s.authority) && (s.url !== undefined || s.doi !== undefined);
};
const citesAuthority = (r: Record_) => r.data.sources.some((s) => authoritative(s.slug));

t.test('the helping-someone FAQ names the warning signs of suicide, says asking directly is safe, and cites evidence', async (t) => {
  const faq = record('faqs/how-can-i-help-someone-who-is-withdrawn');
  const text = readerText(faq);
  t.match(text, /Signs they may be thinking about suicide/, 'a section names the warning signs');
  t.match(text, /talking about suicide or about wanting to die/);
  t.match(text, /feeling trapped or seeing no way out/);
  t.match(text, /feeling hopeless, helpless or worthless/);
  t.match(text, /withdrawing from everyone/);
  t.match(text, /Asking about suicide is safe/, 'says plainly that asking is safe');
  t.match(text, /"Are you thinking about suicide\?"/, 'gives the direct question to ask');
  t.match(text, /Asking does not put the\s+idea in their head/);
  t.match(text, /get urgent help/);
  t.ok(cites(faq, 'dazzi-2014') && authoritative('dazzi-2014'), 'cites the review on asking about suicide (Dazzi et al. 2014)');
  t.equal(sources.get('dazzi-2014')?.doi, '10.1017/S0033291714001299');
  t.ok(cites(faq, 'durham-suicidal-thoughts') && authoritative('durham-suicidal-thoughts'), 'cites a public page for the signs');
  t.ok(faq.data.signposts.includes('urgent-help'), 'signposts urgent help');
});

t.test('mindfulness carries a trauma caution, backed by evidence on unwanted effects', async (t) => {
  const m = record('strategies/mindfulness-and-meditation');
  const text = readerText(m);
  t.match(text, /## Go gently/);
  t.match(text, /unwanted effects, most\s+often anxiety or low mood/);
  t.match(text, /If you have been through trauma, turning your attention inward can sometimes bring up painful\s+memories or feelings/);
  t.match(text, /Stop if it feels overwhelming/);
  t.match(text, /If you have been through trauma, practice with a trained teacher or a therapist/);
  for (const slug of ['farias-2020', 'lindahl-2017']) t.ok(cites(m, slug) && authoritative(slug), `cites ${slug}`);
});

t.test('mindfulness says exactly what the Goyal 2014 review found, no more', async (t) => {
  const m = record('strategies/mindfulness-and-meditation');
  const text = readerText(m);
  t.match(text, /47 trials/);
  t.match(text, /The\s+effects were small to medium/);
  t.match(text, /no\s+clear effect on good mood, attention or sleep/);
  t.match(text, /did not work better than other active\s+treatments/);
  t.notMatch(text, /less clear whether/, 'the old understatement of the null findings is gone');
  t.ok(cites(m, 'goyal-2014'));
});

t.test(
  'DBT says what it is for (borderline personality disorder, self-harm), explains it, and does not claim to treat withdrawal',
  async (t) => {
    const dbt = record('therapies/dialectical-behaviour-therapy');
    const text = readerText(dbt);
    t.match(text, /first made for people with \*\*borderline personality disorder\*\*/);
    t.match(
      text,
      /This is a mental health\s+condition in which strong feelings are very hard to manage/,
      'the condition is explained in plain words',
    );
    t.match(text, /A main aim of DBT is to reduce self-harm/);
    t.match(text, /DBT is \*\*not\*\* a treatment for emotional withdrawal on its own/);
    t.match(dbt.data.topics.find((l) => l.slug === 'emotional-withdrawal')?.note ?? '', /not a treatment for emotional withdrawal/);
    for (const slug of ['neacsiu-2010', 'priebe-2012']) t.ok(cites(dbt, slug) && authoritative(slug), `cites ${slug}`);
    t.ok(dbt.data.signposts.includes('urgent-help'), 'self-harm is mentioned, so urgent help is signposted');
    for (const r of reviewed.filter((r) => r.slug !== 'dialectical-behaviour-therapy')) {
      t.notMatch(
        readerText(r),
        /\bDBT\b[^.\n]*withdraw|withdraw[^.\n]*\bDBT\b/,
        `${r.collection}/${r.slug} does not offer DBT for withdrawal`,
      );
    }
  },
);

t.test('therapy titles do not repeat their acronym (the acronym field holds it)', async (t) => {
  for (const r of seed.records.therapies) {
    const acronym = (r.data as { acronym?: string }).acronym;
    if (acronym) t.notMatch(r.data.title, new RegExp(`\\b${acronym}\\b`), `therapies/${r.slug}: "${r.data.title}"`);
  }
  t.equal(record('therapies/cognitive-behavioural-therapy').data.title, 'Cognitive behavioral therapy');
  t.equal(record('therapies/dialectical-behaviour-therapy').data.title, 'Dialectical behavior therapy');
});

t.test('the WHO arts-and-health scoping review is not presented as proof', async (t) => {
  const c = record('strategies/creative-expression');
  const text = readerText(c);
  t.match(text, /mapped more than 3,000 studies/);
  t.match(text, /It cannot prove that art will help/);
  t.notMatch(text, /review of research found that the arts can help/);
  t.match(c.data.sources.find((s) => s.slug === 'who-arts-health')?.supports ?? '', /scoping review/);
});

t.test('the alcohol-recovery timeline is not given as an answer about emotional withdrawal', async (t) => {
  const faq = record('faqs/how-long-does-recovery-take');
  t.notMatch(readerText(faq), /3 to 6 weeks|weeks of not drinking/, 'no alcohol timeline in the emotional-withdrawal answer');
  t.notOk(cites(faq, 'heilig-2010'), 'the alcohol review is not cited there');
  const ctx = record('contexts/addiction-recovery');
  t.match(
    readerText(ctx),
    /This section is about substance withdrawal from alcohol, not emotional withdrawal/,
    'where the timeline stays, it is labelled',
  );
});

t.test('stopping heavy drinking or sedatives suddenly is called dangerous, with "talk to a doctor first"', async (t) => {
  const mentionsStopping = /\b(detox|substance withdrawal|stop(?:ping|s)? (?:alcohol|drinking)|quit(?:ting)? alcohol)\b/i;
  const records = reviewed.filter((r) => mentionsStopping.test(readerText(r)));
  t.ok(records.length >= 3, 'the check finds the records that discuss stopping alcohol or drugs');
  for (const r of records) {
    const text = readerText(r);
    const id = `${r.collection}/${r.slug}`;
    t.match(text, /heavy drinking[^.]*all at once can be dangerous/i, `${id} says stopping heavy drinking all at once can be dangerous`);
    t.match(text, /sedative medicines/i, `${id} names sedatives too`);
    t.match(text, /[Tt]alk to a\s+doctor/, `${id} says to talk to a doctor`);
    t.ok(cites(r, 'alberta-alcohol-withdrawal'), `${id} cites a page that says so`);
  }
  t.ok(records.some((r) => r.slug === 'addiction-recovery'));
});

t.test('no record offers NHS Talking Therapies self-referral (England only) as general advice', async (t) => {
  for (const r of all) {
    const text = readerText(r);
    t.notMatch(text, /NHS Talking Therapies|[Ii]n England,? you can refer|refer (yourself|themselves) to NHS/, `${r.collection}/${r.slug}`);
  }
  for (const slug of [
    'therapies/counselling',
    'faqs/when-should-i-seek-professional-help',
    'faqs/can-emotional-withdrawal-be-overcome-without-therapy',
    'strategies/seeking-professional-help',
    'faqs/how-can-i-help-someone-who-is-withdrawn',
  ]) {
    const r = record(slug);
    t.match(
      readerText(r),
      /[Ii]n some\s+places (you|people) can (also )?refer (yourself|themselves)/,
      `${slug} gives the route in general terms`,
    );
    t.ok(r.data.signposts.includes('talking-therapy'), `${slug} signposts talking therapy`);
  }
});

t.test(
  'records on depression symptoms or when to seek help tell the reader to get urgent help for thoughts of suicide or self-harm',
  async (t) => {
    for (const slug of [
      'faqs/when-should-i-seek-professional-help',
      'faqs/is-emotional-withdrawal-a-sign-of-depression',
      'faqs/can-emotional-withdrawal-be-overcome-without-therapy',
      'strategies/seeking-professional-help',
    ]) {
      const r = record(slug);
      t.match(
        readerText(r),
        /If you have thoughts of suicide or of harming yourself, get help now\./,
        `${slug} has the plain urgent sentence`,
      );
      t.ok(r.data.signposts.includes('urgent-help'), `${slug} signposts urgent help`);
      t.ok(citesAuthority(r), `${slug} cites an authoritative source`);
    }
  },
);

t.test('a family record that touches neglect of a child points to child-protection help', async (t) => {
  const families = record('contexts/families');
  const text = readerText(families);
  t.match(text, /## When a child is being neglected/);
  t.match(text, /Neglect is a form of child\s+abuse/);
  t.match(text, /child-protection help shown with this page/);
  t.ok(families.data.signposts.includes('child-protection'));
  t.ok(cites(families, 'nspcc-neglect') && authoritative('nspcc-neglect'), 'cites a page on child neglect');
  for (const r of reviewed.filter((r) => /\bneglect/i.test(readerText(r)) && /child/i.test(readerText(r)))) {
    t.ok(
      r.data.signposts.includes('child-protection'),
      `${r.collection}/${r.slug} mentions neglect of a child and signposts child protection`,
    );
  }
});

t.test('the romantic-relationships record names coercive control in plain words and signposts domestic-abuse help', async (t) => {
  const r = record('contexts/romantic-relationships');
  const text = readerText(r);
  t.match(text, /This is called \*\*coercive control\*\*/);
  t.match(text, /Coercive control is a form of domestic abuse, even when there is no physical violence/);
  t.match(text, /domestic abuse\s+help shown with this page/);
  t.ok(r.data.signposts.includes('domestic-abuse'));
  t.ok(cites(r, 'wa-coercive-control') && authoritative('wa-coercive-control'));
  t.notMatch(text, /love languages/i, 'the unsupported "love languages" advice is gone');
});

t.test('the stories are labelled illustrative (made-up examples), never "anonymized"', async (t) => {
  for (const story of seed.records.stories) {
    const r = record(`stories/${story.slug}`);
    t.match(r.data.title, /^Illustrative example: /, `stories/${story.slug}: title`);
    t.match(r.data.summary, /^A made-up example\./, `stories/${story.slug}: summary`);
    t.match(r.body, /^\*This is an illustrative example: a made-up story/, `stories/${story.slug}: body`);
  }
  for (const r of all) t.notMatch(readerText(r), /anonymi[sz]ed/i, `${r.collection}/${r.slug}`);
});

t.test('reviewed records keep editors\u2019 asides out of what readers see', async (t) => {
  const aside =
    /\bthe (withdrawal|isolation|detachment) article\b|\bthe sources\b|\baccording to\b|\bthis page is (about|based on)\b|\bhealth services describe\b/i;
  for (const r of reviewed) t.notMatch(readerText(r), aside, `${r.collection}/${r.slug}`);
});

t.test('reviewed records cite each source with what it supports, and health effects of loneliness say what the source says', async (t) => {
  for (const r of reviewed) {
    for (const s of r.data.sources) t.ok(s.supports, `${r.collection}/${r.slug} → ${s.slug} says what it supports`);
  }
  t.match(
    readerText(record('strategies/building-a-support-system')),
    /Loneliness and social isolation are linked with\s+depression, heart disease/,
  );
  t.match(readerText(record('contexts/older-adults')), /Loneliness and social isolation can affect health/);
});

t.test('a record that says what you tell a professional is confidential also says where that stops', async (t) => {
  // No reviewed record makes the promise now; this keeps a later one from making it without its limits.
  for (const r of all) {
    const text = readerText(r);
    if (/\b(confidential|in confidence)\b/i.test(text)) {
      t.match(
        text,
        /(serious(ly)? (risk|harm)|at risk of harm|may (need|have) to share|safety)/i,
        `${r.collection}/${r.slug} states the limits of confidentiality`,
      );
    }
  }
  t.pass('checked');
});
