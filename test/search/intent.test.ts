// Query intent (src/search/intent.ts) on its own: every cue catches the ways people commonly ask
// for that kind of answer, and ordinary queries about what someone is going through catch none.
// Each example names the cue that must catch it, so a cue that stops matching (or one that an
// earlier cue shadows) fails here. The records each intent raises must exist in the seed.
import t from 'tap';
import { CONTENT_REGISTRY } from '../../src/content/registry.js';
import { detectIntent, type Intent, INTENT_RULES } from '../../src/search/intent.js';
import { loadSeed } from '../../src/seed/load.js';
import { SEED_DIR } from '../helpers/store.js';

// cue id → queries it must catch (written for these tests, not taken from any judged set).
const EXAMPLES: Record<string, string[]> = {
  difference: [
    'what is the difference between withdrawal and detachment',
    'how does isolation differ from being on your own',
    'how is numbness different to calm',
    'how to tell apart tiredness and detachment',
  ],
  'same-as': [
    'is detachment the same as numbness',
    "isn't withdrawal the same thing as sulking",
    'is shutting down just another word for sulking',
  ],
  versus: ['isolation vs solitude', 'withdrawal compared with burnout'],
  'or-just': ['is it detachment or just tiredness', 'am i withdrawn or only shy'],
  'when-help': [
    'when should I see a doctor about feeling numb',
    'when do you need to get help for withdrawal',
    'when to talk to a GP about isolation',
  ],
  'should-see': ['should I see a counsellor about pulling away', 'do I need a therapist for feeling detached', 'does my mum need help'],
  'time-to': ['is it time to get help for my loneliness', 'how do I know if I need therapy', 'is feeling numb serious enough'],
  'how-help': [
    'how do I help my nephew who stopped going out',
    'how can we reach someone who has shut down',
    'how to approach my husband about his drinking',
  ],
  'how-can-i-help': ['how can I help when they will not talk', 'how can I be there without smothering'],
  'give-space': ['should I give him space', 'do I give my flatmate some space'],
  'get-them-to': ['how do I get my husband to open up', 'get her to see a doctor'],
  'help-someone': ['tips for supporting a partner with depression', 'worried about my grandson', 'checking on a friend who lost his job'],
  'what-to-say': ['what should I say to a friend who lost her job', 'what not to text someone who is grieving'],
  'what-to-do-about': ['what can we do about our daughter hiding in her room', 'what should I do if my cousin stops eating'],
  'person-does': ['my stepdad hardly talks to anyone now', 'brother never picks up the phone', 'our son refuses to leave the house'],
  'what-helps': ['what helps with emotional numbness', 'what can I do about feeling empty'],
  'which-therapy': ['which therapy for detachment', 'best strategies for loneliness', 'what kind of treatment is there for withdrawal'],
  'how-to': ['how to cope with feeling alone', 'how can I open up more', 'how do I stop isolating myself'],
  'ways-to': ['ways to connect with others again', 'small steps to open up'],
  'does-it-help': ['does journaling help', 'is mindfulness worth trying', 'are walking groups any good'],
};

t.test('every cue catches its examples, as its own intent', async (t) => {
  for (const rule of INTENT_RULES) {
    for (const cue of rule.cues) {
      const examples = EXAMPLES[cue.id];
      t.ok(examples && examples.length > 0, `${rule.intent}/${cue.id} has examples`);
      for (const q of examples ?? []) {
        const found = detectIntent(q);
        t.same([found.intent, found.cue], [rule.intent, cue.id], `"${q}" → ${rule.intent} (${cue.id})`);
      }
    }
  }
});

t.test('ordinary queries about what someone is going through ask for no particular kind of answer', async (t) => {
  for (const q of [
    'emotional numbness',
    'feeling cut off from everyone',
    'signs of emotional withdrawal',
    'I feel different from everyone around me',
    'every day feels the same',
    'my friends never invite me anywhere',
    'I never know what to say in groups',
    'I feel like a burden to my family',
    'help with loneliness',
    'seeing people makes me tired',
    'I cant do my best at work anymore',
    'nothing helps',
    'lonely after moving to a new city',
    'cbt',
  ]) {
    t.equal(detectIntent(q).intent, null, q);
  }
});

t.test('cues that are near another intent go to the right one', async (t) => {
  const cases: [string, Intent][] = [
    // Helping oneself is not helping someone.
    ['how can I help myself stop withdrawing', 'what-helps'],
    // Getting help for someone else is still about when to get help.
    ['should my brother see a therapist', 'when-to-seek-help'],
    ['what to say to my partner when I feel shut down', 'helping-someone'],
  ];
  for (const [q, intent] of cases) t.equal(detectIntent(q).intent, intent, q);
  // Case, apostrophes and punctuation do not matter.
  t.equal(detectIntent("WHAT'S THE DIFFERENCE between loneliness & isolation?").intent, 'difference');
  t.equal(detectIntent('My son won’t leave his room').cue, 'person-does');
});

t.test('what a detection reports: the intent, the cue and the words that matched', async (t) => {
  const found = detectIntent('Is detachment the same as numbness?');
  t.same(
    { intent: found.intent, cue: found.cue, matched: found.matched },
    { intent: 'difference', cue: 'same-as', matched: 'is detachment the same as' },
  );
  t.same({ ...detectIntent('numb'), rule: null }, { intent: null, cue: null, matched: null, rule: null });
});

t.test('the records an intent raises are in the seed', async (t) => {
  const seed = loadSeed(SEED_DIR);
  const ids = new Set([
    ...seed.topics.map((x) => `topic/${x.slug}`),
    ...CONTENT_REGISTRY.flatMap((e) => seed.records[e.collection].map((r) => `${e.type}/${r.slug}`)),
  ]);
  const types = new Set(['topic', ...CONTENT_REGISTRY.map((e) => e.type)]);
  for (const rule of INTENT_RULES) {
    for (const id of Object.keys(rule.raise)) t.ok(ids.has(id), `${rule.intent} raises ${id}, a record of the seed`);
    for (const favoured of Object.keys(rule.favour))
      t.ok(types.has(favoured.split(':')[0] ?? ''), `${rule.intent} favours ${favoured}, a type`);
  }
});
