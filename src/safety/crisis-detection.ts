// Crisis detection for search queries. Deterministic and explainable: a query is normalised
// (lower case, accents and punctuation removed, repeated letters squeezed) and checked against a
// fixed list of named patterns; the first that matches is reported. The list errs towards showing
// help: a false alarm costs a reader one extra box of phone numbers, a miss can cost far more.
// Every pattern and every ordinary phrase it must not catch is in test/safety/crisis-detection.test.ts.

export interface CrisisPattern {
  /** Stable identifier, reported in `meta.crisisReason`. */
  id: string;
  /** What the pattern is for, in plain words (shown in the docs and test names). */
  label: string;
  regex: RegExp;
}

export interface CrisisDetection {
  detected: boolean;
  /** The id of the pattern that matched, or null. */
  reason: string | null;
  /** The normalised words that matched, or null. */
  matched: string | null;
}

// Spelling variants shared by several phrases. Queries are normalised first (see normalise), so
// these only need lower-case letters, digits and single spaces.
const MYSELF = '(?:my ?self|myslef|mysefl|mself|meself|mysel|myselff?)';
const KILL = '(?:kill|kil|kll|kiil|kilk|killing|killin|kiling|klil)';
const WANT = '(?:want|wanna|wnat|wan|wants|wanting|wantto|whant)';
const TO = '(?: ?(?:to|2|too|t))?';
const DONT = '(?:dont|do not|don t|dnt|didnt|doesnt|never)';
const LIFE = '(?:life|lfie|lif)';

const words = (alternatives: string) => new RegExp(`(?:^| )(?:${alternatives})(?= |$)`);

/** Ordered: the first match is the reason reported. */
export const CRISIS_PATTERNS: readonly CrisisPattern[] = [
  {
    id: 'suicide',
    label: 'suicide and suicidal, including common misspellings and slang',
    regex: words(
      [
        // Direct words and their forms.
        'suicide',
        'suicides',
        'suicidal',
        'suicidality',
        'suicidally',
        // Misspellings seen in search logs of helplines and in the issue.
        'sucide',
        'sucidal',
        'suicde',
        'suicdal',
        'suiside',
        'suisidal',
        'suicid',
        'suicidel',
        'suacide',
        'suecide',
        'suiced',
        'suicied',
        'sucicide',
        'suicdie',
        'siucide',
        'suiscide',
        'suicial',
        'suicidial',
        'sucidial',
        'suecidal',
        // Slang and coded words used on social media.
        'sewerslide',
        'sewer slide',
        'unalive',
        'unaliving',
        'unalived',
        'kms',
        'kys',
        'ctb',
      ].join('|'),
    ),
  },
  {
    id: 'kill-myself',
    label: 'killing or hurting oneself',
    regex: words(
      `${KILL} ${MYSELF}|(?:hurt|hurting|harm|harming|injure|injuring|shoot|shooting|hang|hanging|drown|drowning|poison|poisoning|starve|starving) ${MYSELF}`,
    ),
  },
  {
    id: 'end-my-life',
    label: "ending one's life",
    regex: words(
      `(?:end|ending|ended|take|taking|took) (?:my|my own) ${LIFE}|(?:end|ending) it all|end everything|` +
        '(?:finish|finishing) it all|not (?:be )?(?:here|around) anymore|(?:no|not) reason to live|(?:life|living) (?:is )?not worth(?: living)?|' +
        'life (?:isnt|is not|aint) worth(?: living)?|nothing to live for|better off dead|better off without me|' +
        '(?:cant|can not|cannot) (?:go on|keep going) (?:anymore|any more|like this|living)|(?:cant|can not|cannot) (?:go on|keep going)$',
    ),
  },
  {
    id: 'want-to-die',
    label: 'wanting to die or not to be alive',
    regex: words(
      `${WANT}${TO} (?:die|dye|be dead|disappear forever|not exist|stop existing|not be alive|not wake up)|` +
        `wish (?:i|id|i was|i were|i d) (?:was |were |be )?(?:dead|never born|not alive)|` +
        `${DONT} ${WANT}${TO} (?:be here|live|be alive|exist|wake up|be around|go on|keep going)|` +
        'how (?:to|do i|can i|should i) die|ways to die|easiest way to die|painless (?:way to )?(?:die|death)|ready to die|going to die tonight',
    ),
  },
  {
    id: 'self-harm',
    label: 'self-harm and cutting',
    regex: words(
      `self ?harm|self ?harming|self ?harmed|selfharm|self ?hram|slef ?harm|self ?injury|self ?injure|self ?injuring|self ?mutilation|sh urges|` +
        `(?:cut|cutting|cuting|cutt|slit|slitting|burn|burning|scratch|scratching) ${MYSELF}|(?:cut|cutting|slit|slitting) (?:my )?(?:wrist|wrists|arm|arms|thigh|thighs)`,
    ),
  },
  {
    id: 'overdose',
    label: 'overdose, including the short form OD',
    regex: words(
      'overdose|overdoses|overdosed|overdosing|overdoseing|overdos|overdoze|ovedose|overdsoe|od|oding|od ing|take all my pills|took all my pills|too many pills|pills to die',
    ),
  },
];

/**
 * Lower case, accents and punctuation removed ("don't" → "dont", "self-harm" → "self harm"),
 * digits kept, letters repeated three or more times squeezed to one ("sooo" → "so") so that
 * stretched spellings still match, and whitespace collapsed.
 */
export function normalise(query: string): string {
  return (
    query
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      // Apostrophes as escapes: one non-ASCII character would make the whole bundled source a
      // two-byte string in memory (see scripts/build.mjs).
      .replace(/['\u2019\u2018`\u00b4]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .replace(/(\p{L})\1{2,}/gu, '$1')
      .trim()
      .replace(/\s+/g, ' ')
  );
}

/** Checks a query against every pattern; reports the first that matches. */
export function detectCrisis(query: string): CrisisDetection {
  const text = normalise(query);
  for (const pattern of CRISIS_PATTERNS) {
    const match = pattern.regex.exec(text);
    if (match) return { detected: true, reason: pattern.id, matched: match[0].trim() };
  }
  return { detected: false, reason: null, matched: null };
}
