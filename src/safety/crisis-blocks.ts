// Building blocks of the crisis phrases (crisis-patterns.ts): the ways people type "I", "myself",
// "kill", "want to", "don't", a medicine or being gone, each written once so that every phrase
// using it understands all of its forms.
//
// Phrases are written for normalised text (lower case, no accents or punctuation, "don't" ->
// "dont", see normalise in crisis-detection.ts) and compiled (compile, same file) so that:
//   - a written space may be missing ("kill myself" also finds "killmyself", "i m" finds "im");
//   - a doubled letter may be typed once ("kill" also finds "kil", "off" "of", "too" "to");
//   - a phrase matches whole words only, also right after a glued "i" or "im" ("iwanttodie").
// So write each phrase once, in its ordinary spelling, with single spaces, and add a variant only
// for a spelling those rules do not reach. Never put a quantifier straight after a space; a gap of
// a few words is written (?:\s\S+){0,n}, whose \s is not a literal space and stays required.

/**
 * A group of alternative phrases. An empty one (left by an edit) is dropped: it would match
 * anywhere and flag every query.
 */
export const alt = (...alternatives: string[]) => `(?:${alternatives.filter(Boolean).join('|')})`;

export const MYSELF = alt('my selff', 'myslef', 'mysefl', 'mysef', 'mself', 'miself', 'myselve', 'me self');
export const KILL = alt('kiill', 'kll', 'killing', 'killin', 'klil');
export const WANT = alt('waant', 'wnat', 'wants', 'wanted', 'wanting', 'wanna', 'wnt', 'whant', 'wamt', 'wan');
export const TO = `${alt(' too', ' 2', ' ta')}?`;
export const NOT = alt('don t', 'do not', 'dnt', 'didn t', 'doesn t', 'never', 'no longer', 'no');
export const CANT = alt('can t', 'can not', 'cnt');

/** "end it", but not "end it with him" or "end it early": only time words may follow, to the end. */
export const END_IT = `end(?:ing)? (?:it|things)(?: all)?(?=(?: (?:now|tonight|today|tomorrow|soon|for good|forever|already))*$)`;

/** Killing oneself, in the words people use for it. */
export const ACT = alt(
  `${KILL} ${MYSELF}`,
  'kms',
  END_IT,
  'end(?:ing)? my (?:own )?life',
  'take my (?:own )?life',
  'commit suicide',
  `unalive(?: ${MYSELF})?`,
  `hang ${MYSELF}`,
  `jump (?:off|from) (?:a |the )?(?:bridge|building|roof|cliff)`,
  'overdose',
  'od',
);

/** Medicines and drugs whose lethal amounts people ask about. */
export const MEDS = alt(
  'pills?',
  'tablets?',
  'paracetamol',
  'acetaminophen',
  'tylenol',
  'panadol',
  'ibuprofen',
  'advil',
  'aspirin',
  'codeine',
  'tramadol',
  'oxycodone',
  'opioids?',
  'morphine',
  'fentanyl',
  'heroin',
  'insulin',
  'sleeping (?:pills?|tablets?|meds)',
  'xanax',
  'diazepam',
  'benzos?',
  'antidepressants?',
  'sertraline',
  'prozac',
  'amitriptyline',
  'lithium',
  'melatonin',
  'benadryl',
  'meds',
  'medication',
  'medicine',
  'painkillers?',
);

/** An amount that is more than a dose: "all my", "a bottle of", "30". */
export const MANY = alt(
  'all',
  'too many',
  'too much',
  'a lot of',
  'lots of',
  'loads of',
  'a bunch of',
  'a handful of',
  '(?:a|the|a whole|the whole|an entire) (?:bottle|packet|box|pack|strip) of',
  '\\d+',
);

/** Being gone, as in "would anyone notice if I ...". Not "gone for a week". */
export const GONE = `${alt('i', 'i m', 'me')}(?: (?:was|were|am|had|ever|just|really|suddenly|finally))? ${alt(
  'dead',
  'gone',
  'died',
  'die',
  'disappeared',
  'disappear',
  'vanished',
  'killed myself',
  'ended it',
  'wasn t here',
  'wasn t around',
  'was not here',
  'didn t exist',
  'never existed',
  'stopped existing',
  'not here any more',
  'live or die',
  'lived or died',
  'never woke up',
  'didn t wake up',
)}(?! (?:for|on) (?:a|an|the|two|few|some|holiday|vacation|work|\\d))`;

/** Nobody at all. */
export const NOBODY = alt('no one', 'no body', 'no1', 'not a single person', 'not one person', 'none of them');

/** Living, going on, existing: what there is "no point in". */
export const LIVING = alt(
  'living',
  'life',
  'going on',
  'being alive',
  'existing',
  'keep going',
  'carrying on',
  'trying any more',
  'anything',
  'live',
  'go on',
  'exist',
  'being here',
  'wak(?:e|ing) up',
  'get(?:ting)? up',
);

/** A wish or a state that ends the query, or only these words follow (not "live in London"). */
export const FOR_NOW = `(?: (?:any more|no more|any longer|now|again|tomorrow|ever|like this|at all|in this world|on this earth))*$`;
