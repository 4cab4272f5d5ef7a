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

/**
 * Up to n words between two parts of a phrase, the fewest first. compile (crisis-detection.ts)
 * knows a gap by this form: the space written after it stays a space.
 */
export const gap = (n: number) => `(?:\\s\\S+){0,${n}}?`;

/**
 * A time away that ends ("for a while", "for two weeks", "for the weekend"): gone for it is not
 * gone for good. Written with \s, which compile leaves as it is, and ending at a word edge, so
 * "for always" or "for all time" is not read as "for a".
 */
export const FOR_A_TIME = `for\\s${alt('a', 'an', 'the', 'few', 'some', 'several', 'awhile', 'ages', '\\d+', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten')}(?=\\s|$)`;
/** Not followed by such a time: put after a word of being gone or dead. */
export const NOT_FOR_A_TIME = `(?!\\s${FOR_A_TIME})`;

export const MYSELF = alt('my selff', 'myslef', 'mysefl', 'mysef', 'mself', 'miself', 'myselve', 'me self');
/** Oneself, whoever it is: a parent or friend describing someone else is as urgent. */
export const SELF = alt(MYSELF, 'himself', 'herself', 'themselves', 'themself', 'yourself', 'urself');
/** Whose: "my", or someone else's ("her pills", "his life"). */
export const WHOSE = alt('my', 'his', 'her', 'their', 'your');
/** Who: the writer or the person they describe. */
export const WHO = alt('i', 'he', 'she', 'they', 'you');
/** Parts of the body people cut, burn or hide. */
export const BODY = alt('wrists?', 'arms?', 'thighs?', 'legs?', 'skin', 'stomach', 'hips?', 'veins?', 'body', 'ankles?');
/** Reported speech: a parent, partner or friend telling what someone said or keeps saying. */
export const SAYS = alt(
  'says',
  'saying',
  'said',
  'tells',
  'told',
  'telling',
  'texted',
  'posted',
  'thinks',
  'keeps saying',
  'keeps telling',
);
export const KILL = alt('kiill', 'kll', 'killing', 'killin', 'klil');
export const WANT = alt('waant', 'wnat', 'wants', 'wanted', 'wanting', 'wanna', 'wnt', 'whant', 'wamt', 'wan');
export const TO = `${alt(' too', ' 2', ' ta')}?`;
export const NOT = alt('don t', 'do not', 'dnt', 'didn t', 'doesn t', 'never', 'no longer', 'no');
export const CANT = alt('can t', 'can not', 'cnt');

/** "end it", but not "end it with him" or "end it early": only time words may follow, to the end. */
export const END_IT = `end(?:ing)? (?:it|things)(?: all)?(?=(?: (?:now|tonight|today|tomorrow|soon|for good|forever|already|this weekend|this week|on \\S+day))*$)`;

/** Killing oneself, in the words people use for it. */
export const ACT = alt(
  `${KILL} ${MYSELF}`,
  'kms',
  END_IT,
  `end(?:ing)? ${WHOSE} (?:own )?life`,
  `take ${WHOSE} (?:own )?life`,
  `finish ${WHOSE} (?:own )?life`,
  `finish ${SELF}`,
  `${KILL} (?:himself|herself|themselves|themself)`,
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
  'prescriptions?',
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
  '(?:my|the|a|her|his) (?:whole|entire)',
  'a lot of',
  'lots of',
  'loads of',
  'a bunch of',
  'a handful of',
  '(?:a|the|a whole|the whole|an entire) (?:bottle|packet|box|pack|strip) of',
  '(?:like |about |around |maybe |over )?\\d+',
  '(?:a|the) (?:whole|entire|full) (?:bottle|packet|box|pack|strip)(?: of)?',
  'everything in (?:the|my) (?:\\S+ )?(?:cabinet|cupboard|drawer)',
);

/** Being gone, as in "would anyone notice if I ...". Not "gone for a week", "for three days" or "on holiday". */
export const GONE = `${alt('i', 'i m', 'me', 'she', 'he')}(?: (?:was|were|am|had|ever|just|really|suddenly|finally))? ${alt(
  'dead',
  'not alive',
  'wasn t alive',
  'weren t alive',
  'was not alive',
  'no longer alive',
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
  'went',
  'lived or died',
  'never woke up',
  'didn t wake up',
)}${NOT_FOR_A_TIME}(?! (?:for|on|to|away|out|home|back) (?:a|an|the|two|few|some|holiday|vacation|work|my|\\d))`;

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

/**
 * A death, in the words of the one asked about it: not only "die" but "not wake up", "stop my
 * heart", "not survive", "be enough". Follows a question about a medicine, a height or a method.
 */
export const DEATH_RESULT = alt(
  'die',
  'dead',
  'death',
  'fatal',
  'lethal',
  'deadly',
  `${KILL} (?:me|you|someone|a person|him|her)`,
  'kills?',
  'overdose',
  'od',
  '(?:not|never) wake up',
  `stop (?:${WHOSE}|a|the) heart`,
  'stop breathing',
  'stop waking up',
  '(?:not|wouldn t|won t) survive',
);

/** Dying, as the end of a wish or a hope: "I'll die", "I didn't wake up", "I was dead". */
export const DIE_EVENT = alt(
  'die',
  'died',
  'd die',
  'll die',
  'would die',
  'will die',
  'was dead',
  'were dead',
  'wasn t alive',
  'weren t alive',
  '(?:didn t|did not|don t|do not|never|wouldn t|won t|not) wake up',
  'never woke up',
);
