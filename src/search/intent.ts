// What a query asks for, beside what it is about: deterministic and explainable, like crisis
// detection (src/safety/). A query is normalised as crisis detection does (lower case, apostrophes
// and punctuation gone: "won't" → "wont") and checked against the fixed cues below, intent by
// intent in the order of INTENT_RULES; the first cue that matches names the intent
// (`meta.intent`). An intent only raises records in the ranking (src/search/rerank.ts): it never
// filters anything out. Every cue, and ordinary queries each must not catch, is tested in
// test/search/intent.test.ts.
//
// | intent            | cues (examples)                                                          | raises                                              |
// | ----------------- | ------------------------------------------------------------------------ | --------------------------------------------------- |
// | difference        | "difference between", "is X the same as Y", "X vs Y", "or just"          | the FAQs on differences; topics (their comparisons) |
// | when-to-seek-help | "when should I get help", "should I see a doctor", "do I need therapy"   | the help-seeking FAQ and strategy; therapies        |
// | helping-someone   | "how do I help", "what to say to a friend who", "my son won't", "worried about my" | the FAQ on helping someone; signs seen from outside; listening |
// | what-helps        | "what helps", "what therapy", "how to stop / cope / get over", "ways to" | strategies and therapies; the best two found lifted |

import { normalise } from '../safety/crisis-detection.js';

export const INTENTS = ['difference', 'when-to-seek-help', 'helping-someone', 'what-helps'] as const;
export type Intent = (typeof INTENTS)[number];

export interface IntentCue {
  /** Stable name, for tests and logs. */
  id: string;
  regex: RegExp;
}

export interface IntentRule {
  intent: Intent;
  /** What the intent is, in plain words (docs and test names). */
  label: string;
  cues: readonly IntentCue[];
  /**
   * Words the cues stand for ("help", "therapy", "difference"): once the intent is known they say
   * nothing about the subject, so they are left out of the search when other words remain.
   */
  framing: ReadonlySet<string>;
  /**
   * Records raised (type/slug): the share of the best score (after `favour`) each gets added; 1
   * puts a record the words did not find level with the best, one they found above it.
   */
  raise: Readonly<Record<string, number>>;
  /** The best `count` records the words found of these types get `share` of the best score added. */
  lift?: { types: readonly string[]; count: number; share: number };
  /** Record types (or type:facet) whose scores are multiplied by 1 + this. */
  favour: Readonly<Record<string, number>>;
}

const words = (alternatives: string) => new RegExp(`(?:^| )(?:${alternatives})(?= |$)`);
const cue = (id: string, alternatives: string): IntentCue => ({ id, regex: words(alternatives) });

// The people around someone, as a person asking for them names them (singular, or their children:
// "my friends never invite me" is about the person asking).
const PERSON =
  '(?:son|daughter|child|kid|kids|children|teen|teenager|boy|girl|partner|husband|wife|boyfriend|girlfriend|bf|gf|spouse|fiance|fiancee|' +
  'friend|mate|bestie|best friend|mum|mom|mother|dad|father|brother|sister|sibling|grandad|granddad|grandpa|grandma|grandmother|' +
  'grandfather|nan|gran|granny|grandson|granddaughter|uncle|aunt|nephew|niece|cousin|stepson|stepdaughter|stepdad|stepmum|stepmom|colleague|coworker|flatmate|roommate|housemate|student|patient|client|loved one|' +
  '\\d+ (?:yr|year|years) old)';
// What the person asking sees them do, right after naming them ("my son won't…", "my wife seems…").
const DOES =
  '(?:wont|doesnt|didnt|isnt|hasnt|cant|never|barely|hardly|rarely|no longer|refuses|seems|seemed|keeps|stopped|stops|avoids|ignores|' +
  'shuts|shut|pulled|pulls|pushes|withdrew|withdraws|withdrawn|hides|stays|spends|acts|looks|sounds|lives|drinks|cries|sleeps|' +
  'came|went|got|gets|has|is|was|just|always|used)';
// The people a helper asks about, after a verb of helping.
const OBJECT = `(?:my|our|a|an|someone|somebody|him|her|them|people|others|friends|family|${PERSON})`;

export const INTENT_RULES: readonly IntentRule[] = [
  {
    intent: 'difference',
    label: 'how two things differ, or whether they are the same',
    cues: [
      // "Different from" asks only after "is" or "how": "I feel different from everyone" says how someone feels.
      cue(
        'difference',
        'difference|differences|differ|differs|distinguish|tell apart|(?:is|are|how) (?:\\w+ ){1,4}different (?:from|to|than)',
      ),
      cue('same-as', '(?:is|are|isnt|arent) (?:\\w+ ){0,4}(?:the )?same (?:as|thing)|another word for|just another word'),
      cue('versus', 'vs|versus|compared (?:to|with)'),
      cue('or-just', '(?:is (?:it|this|that)|am i|are (?:they|you)|is (?:he|she)) (?:\\w+ ){1,4}or (?:just|only|simply)'),
    ],
    framing: new Set([
      'difference',
      'differences',
      'differ',
      'differs',
      'different',
      'between',
      'distinguish',
      'tell',
      'apart',
      'vs',
      'versus',
      'compared',
      'word',
      'just',
      'mean',
      'means',
      'meaning',
    ]),
    raise: { 'faq/how-are-isolation-withdrawal-and-detachment-different': 0.35, 'faq/is-emotional-isolation-the-same-as-loneliness': 0.35 },
    favour: { topic: 0.3, faq: 0.3 },
  },
  {
    intent: 'when-to-seek-help',
    label: 'when to get professional help',
    cues: [
      cue(
        'when-help',
        'when (?:should|do|does|would|to|is it time to|must)(?: i| we| you| someone| they| he| she| my \\w+)? (?:need to )?(?:get|seek|see|ask for|go to|talk to|reach out|call)',
      ),
      cue(
        'should-see',
        '(?:should|do|does|must) (?:i|we|you|he|she|they|my \\w+) (?:see|get|go to|talk to|seek|ask|call|need) (?:a |an |some |the |my |to see (?:a |an )?)?(?:doctor|gp|therapist|therapy|counsellor|counselor|counselling|counseling|psychologist|psychiatrist|professional|someone|somebody|help|nurse|medication|treatment)',
      ),
      cue(
        'time-to',
        'is it time to (?:get|seek|see|ask)|serious enough|how (?:do i|do you|can i|to) know (?:if|when) (?:i|you|we|they|he|she) need (?:help|therapy|a therapist|to see)',
      ),
    ],
    framing: new Set(['help', 'seek', 'see', 'get', 'call', 'doctor', 'gp', 'professional', 'need', 'time', 'serious', 'enough', 'know']),
    raise: { 'faq/when-should-i-seek-professional-help': 1, 'strategy/seeking-professional-help': 0.5 },
    favour: { therapy: 0.3 },
  },
  {
    intent: 'helping-someone',
    label: 'how to help, support or talk to someone else',
    cues: [
      cue(
        'how-help',
        `how (?:do|can|could|should|would|to) (?:i |we |you )?(?:help|support|reach|approach|comfort|encourage|reconnect with|get through to|be there for|talk to|talk with|bring up|raise|mention) ${OBJECT}`,
      ),
      cue('how-can-i-help', 'how (?:can|do|could|should|to) (?:i |we )?(?:help|be there|support)(?! (?:myself|me|ourselves|yourself))'),
      cue('give-space', `give (?:my |our )?(?:\\w+ )?(?:${PERSON}|him|her|them) (?:some )?space`),
      cue(
        'get-them-to',
        `get (?:my |our )?(?:\\w+ )?(?:${PERSON}|him|her|them) to (?:talk|open up|go|see|come|get help|reply|answer|eat|leave)`,
      ),
      cue(
        'help-someone',
        `(?:help|helping|support|supporting|comfort|comforting|reach out to|reaching out to|be there for|being there for|check on|checking on|reconnect with|reconnecting with|get through to|worried about|worry about|worrying about|concerned about|scared for|afraid for) ${OBJECT}`,
      ),
      // What to say to someone, or what to do about someone: "what to say" alone ("I never know
      // what to say") is about the person asking.
      cue('what-to-say', `what (?:not )?(?:to|do i|should i|can i|could i) (?:say|text|write) (?:(?:to|for) )?${OBJECT}`),
      cue('what-to-do-about', `what (?:should|can|could|do) (?:i|we) do (?:when|if|about|for) (?:my|our|a|an|someone|somebody)`),
      // "my son won't…", and the same with "my" left out at the start ("brother hardly calls now").
      cue('person-does', `(?:(?:my|our) |^)(?:\\w+ ){0,2}${PERSON} (?:\\w+ ){0,2}(?:who |that )?${DOES}`),
    ],
    framing: new Set([
      'help',
      'helping',
      'support',
      'supporting',
      'comfort',
      'reach',
      'say',
      'worried',
      'worry',
      'concerned',
      'approach',
      'encourage',
    ]),
    raise: { 'faq/how-can-i-help-someone-who-is-withdrawn': 1, 'strategy/communication-and-active-listening': 0.25 },
    favour: { 'sign:behavioural': 0.3, 'sign:relational': 0.2, context: 0.2 },
  },
  {
    intent: 'what-helps',
    label: 'what helps: strategies, therapies, ways to cope',
    cues: [
      cue(
        'what-helps',
        'what (?:helps|can help|could help|will help|might help|would help|works|to do about|can i do|should i do|do i do)',
      ),
      cue(
        'which-therapy',
        '(?:what|which|best|any) (?:kind of |type of |sort of |form of )?(?:therapy|therapies|treatment|treatments|strategy|strategies|tips|exercises|support)',
      ),
      cue(
        'how-to',
        'how (?:to|do i|can i|could i|do you|can you|do we|can we) (?:help myself|help yourself|stop|cope|deal|handle|manage|overcome|get over|get past|get better|feel better|fix|beat|break|move on|recover|heal|change|open up|let people in|make friends|connect|feel less|be less|learn to|start)',
      ),
      cue('ways-to', '(?:ways|tips|things|steps) to (?:cope|stop|deal|manage|feel|help|beat|overcome|get|open|connect|reconnect)'),
      cue(
        'does-it-help',
        // Asked, at the start: "does yoga help", not "I cant do my best at work".
        '^(?:does|do|will|can|would) (?:\\w+ ){1,3}(?:help|work)(?: for| with| on|$)|any good|worth it|worth trying|helpful for',
      ),
    ],
    framing: new Set(['help', 'helps', 'work', 'works', 'cope', 'coping', 'deal', 'tips', 'good', 'best', 'worth']),
    raise: {},
    favour: { strategy: 1, therapy: 1 },
    lift: { types: ['strategy', 'therapy'], count: 2, share: 0.5 },
  },
];

export interface IntentDetection {
  intent: Intent | null;
  /** The id of the cue that matched, or null. */
  cue: string | null;
  /** The normalised words that matched, or null. */
  matched: string | null;
  rule: IntentRule | null;
}

const NONE: IntentDetection = Object.freeze({ intent: null, cue: null, matched: null, rule: null });

/** The first intent (in INTENT_RULES order) one of whose cues the query matches. */
export function detectIntent(query: string): IntentDetection {
  const text = normalise(query);
  for (const rule of INTENT_RULES) {
    for (const c of rule.cues) {
      const match = c.regex.exec(text);
      if (match) return { intent: rule.intent, cue: c.id, matched: match[0].trim(), rule };
    }
  }
  return NONE;
}
