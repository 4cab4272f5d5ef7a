// The second way crisis detection reads a query: by the ideas in it, not by whole phrases. Risk
// is rarely put in words a phrase list foresees ("the universe can delete me", "my kids will be
// fine with the insurance"), but it nearly always joins a few ideas in one short query: dying or
// being gone, with a wish, a thought, an intent or a question about means, said of oneself (or,
// told by a parent or friend, of someone else: the first-person reading in crisis-detection.ts).
// So each rule here names ideas as word lists and asks that they meet within a few words, the way
// the screening questions ask about them (docs/crisis-detection.md). Idioms that join the same
// words harmlessly ("I'd rather die than sing", "dead tired", "killing time") are read first and
// blanked out, so no rule sees them.
//
// Written like the phrases (crisis-blocks.ts): normalised text, words whole, a gap of a few words
// written gap(n). Unlike a phrase, a rule's spaces are not optional, so a contraction is
// written with its space optional ("i ?m"): normalising drops the apostrophe ("i'm" -> "im").

import { alt, FOR_A_TIME, gap, NOT_FOR_A_TIME } from './crisis-blocks.js';

/** Harmless uses of dying, killing and being gone: removed before the rules read a query. */
export const IDIOMS = new RegExp(
  `(?<![^ ])${alt(
    'rather die than',
    'would die for',
    'to die for',
    'dying to (?:know|see|try|meet|get|go|hear|tell)',
    'die (?:laughing|of (?:embarrassment|shame|boredom))',
    'dead (?:tired|on my feet|end|beat|serious|quiet|easy|simple|ringer|battery|phone)',
    'deadlines?',
    'killing (?:it|time|me softly)',
    'kill (?:for|time|the (?:mood|vibe|lights|engine))',
    'killed it',
    '(?:is|was|will be) the death of me',
    'my (?:phone|laptop|battery|car|plant|plants|fish|hamster|dog|cat|goldfish) (?:died|is dead|is dying)',
    'bored to death',
    'scared to death',
    'sick to death',
    'death (?:metal|star|row)',
    'over my dead body',
    '(?:dye|die) (?:my|your|her|his|the) (?:hair|clothes|fabric|shirt|jeans|beard|eyebrows)',
    `(?:laugh\\S*|so hard|so funny)${gap(4)} (?:i ?d|i would|i could|i will) die`,
  )}(?![^ ])`,
  'g',
);

// Dying or being gone, of oneself.
const DYING = alt(
  'die',
  'dying',
  'died',
  'dead',
  'death',
  'end it(?: all)?(?!\\s(?:with|between|early|off|up|here))',
  'end things(?!\\s(?:with|between))',
  'end (?:my|your) (?:own )?life',
  'not (?:be|being) (?:here|alive|around)',
  '(?:not|never|stop) (?:wake|waking) up',
  'not exist',
  'gone for good',
  '(?:be|being) gone',
  'last breath',
  'over for (?:me|good)',
);
// Wanting, hoping or welcoming it.
const WISHING = alt(
  'want',
  'wanna',
  'wish',
  'wishing',
  'hope',
  'hoping',
  'pray',
  'praying',
  'longing',
  'long for',
  'welcome',
  '(?:wouldn ?t|would not|won ?t|don ?t) mind',
  'can ?t wait',
  'ready to',
  'at peace with',
  'okay with',
  'ok with',
  'fine with',
);
// Thinking of it, or picturing it.
const THINKING = alt(
  'think',
  'thinking',
  'thought',
  'thoughts',
  'picture',
  'picturing',
  'imagine',
  'imagining',
  'fantasi[sz]e',
  'fantasi[sz]ing',
  'dream(?:ing)? (?:of|about)',
  'obsess(?:ed|ing)? (?:over|about|with)',
  'keep coming back to',
);
// Deciding or planning it.
const DECIDING = alt(
  'going to',
  'gonna',
  'decided',
  'deciding',
  'plan',
  'planning',
  'planned',
  'ready',
  'will',
  'i ?ll',
  'tonight',
  'soon',
  'this time',
);
// A fear of dying, not a decision: "scared I'll drop dead".
const NOT_FEARED = '(?<!(?:scared|afraid|worried|terrified|fear|frightened|panicking)(?: that)? )';
// Away for a time, not for good: "I'll be gone for two weeks".
const AWAY_FOR_A_WHILE = `(?!(?:(?:be|being) )?(?:gone|away) ${FOR_A_TIME})`;
// Oneself.
const SELF_WORD = alt('i', 'me', 'my', 'myself', 'i ?m', 'i ?ve', 'i ?d', 'i ?ll', 'mine');
// Harming the body.
const HARMING = alt(
  'cut',
  'cuts',
  'cutting',
  'burn',
  'burns',
  'burning',
  'burned',
  'burnt',
  'hurt',
  'hurting',
  'harm',
  'harming',
  'scratch',
  'scratching',
  'scratched',
  'hit',
  'hitting',
  'punch',
  'punching',
  'bruise',
  'bruising',
  'carve',
  'carving',
  'slice',
  'slicing',
  'bleed',
  'bleeding',
  'pinch',
  'pinching',
  'starve',
  'starving',
);
// Why someone harms themselves, or that it is on purpose.
const HARM_REASON = alt(
  'on purpose',
  'to feel (?:something|anything|real|better|in control)',
  'to cope',
  'to punish',
  'punish myself',
  'so i (?:can|could) feel',
  'when i ?m (?:upset|stressed|angry|sad|numb|overwhelmed)',
  'makes me feel better',
  'the only thing that helps',
  'urges?',
  'relapse(?:d)?',
  'again',
  'hide (?:it|them|the (?:marks|scars|cuts|burns))',
  'scars?',
  'marks',
);
// Others, and how they would be without one.
const OTHERS = alt(
  'everyone',
  'everybody',
  'my family',
  'my kids',
  'my children',
  'my parents',
  'my partner',
  'my wife',
  'my husband',
  'people',
  'they',
  'them',
  'the world',
  'my friends',
);
const BETTER = alt(
  'better off',
  'better',
  'happier',
  'easier',
  'lighter',
  'relieved',
  'free',
  'freer',
  'fine',
  'okay',
  'richer',
  'move on',
  'get over it',
);
const ABSENT = alt(
  'without me',
  'if i (?:was|were|d be|am) (?:gone|dead|not here|not around)',
  'if i (?:died|disappeared|left for good|wasn ?t here|weren ?t here|wasn ?t around)',
  'when i ?m gone',
  'once i ?m gone',
  'with me gone',
  'after i ?m gone',
);
// Nobody noticing.
const NOBODY_WORD = alt(
  'no one',
  'nobody',
  'not a soul',
  'not one person',
  'not a single person',
  'who',
  'would anyone',
  'would anybody',
  'will anyone',
);
const NOTICING = alt(
  'miss',
  'notice',
  'care',
  'know',
  'find me',
  'come',
  'show up',
  'remember',
  'cry',
  'mourn',
  'grieve',
  'realise',
  'realize',
  'check on me',
);

/** A rule: a category and the ideas that must meet in one query for it. */
export interface ConceptRule {
  id: string;
  /** The ideas as one expression over normalised text (with idioms removed). */
  pattern: RegExp;
}

const rule = (id: string, ...parts: string[]): ConceptRule => ({
  id,
  pattern: new RegExp(`(?<![^ ])(?:${parts.join('|')})(?![^ ])`),
});

/**
 * In report order, after the phrase categories: the first that matches is the reason. Each reads
 * the idea pairs in either order, within a few words.
 */
export const CONCEPT_RULES: readonly ConceptRule[] = [
  rule(
    'intent-or-plan',
    `${NOT_FEARED}${DECIDING}${gap(4)} (?:to |2 )?${AWAY_FOR_A_WHILE}(?:do it|go through with it|${DYING})`,
    `${DYING}${gap(3)} ${alt('tonight', 'tomorrow', 'this weekend', 'soon', 'on \\S+day')}`,
  ),
  rule(
    'self-harm',
    `${HARMING}${gap(4)} (?:${alt('myself', 'my body', 'my skin', 'my arms?', 'my legs?', 'my wrists?', 'my thighs?', 'my stomach', 'my hands?')})${gap(6)} ${HARM_REASON}`,
  ),
  rule('suicidal-thoughts', `${THINKING}${gap(4)} (?:about |of )?(?:${DYING}|killing myself|ending it)`),
  rule('burdensomeness', `${OTHERS}${gap(4)} ${BETTER}${gap(3)} ${ABSENT}`, `${ABSENT}${gap(4)} ${OTHERS}${gap(3)} ${BETTER}`),
  rule(
    'thwarted-belongingness',
    `${NOBODY_WORD}${gap(4)} ${NOTICING}${gap(6)} (?:if|when|once|that) (?:i|i ?m|i am)${gap(2)} ${alt('died', 'die', 'dead', 'gone', 'disappeared', 'vanished', 'not here', 'never came back', 'never came home')}${NOT_FOR_A_TIME}`,
    `(?:if|when|once) (?:i|i ?m|i am)${gap(2)} ${alt('died', 'dead', 'gone', 'disappeared', 'vanished')}${NOT_FOR_A_TIME}${gap(6)} ${NOBODY_WORD}${gap(3)} ${NOTICING}`,
  ),
  rule(
    'wish-to-be-dead',
    `${SELF_WORD}${gap(3)} (?<!(?:don ?t|do not|didn ?t|never|not|no) )${WISHING}${gap(5)} (?:to |2 )?(?<!(?:don ?t|doesn ?t|not|never|won ?t|wouldn ?t|didn ?t) )(?:${DYING})`,
  ),
];

/** The first rule that matches the query (its idioms removed), with the words that matched. */
export function conceptMatch(text: string): { id: string; matched: string } | null {
  const plain = text.replace(IDIOMS, ' ').replace(/ +/g, ' ').trim();
  for (const { id, pattern } of CONCEPT_RULES) {
    const match = pattern.exec(plain);
    if (match) return { id, matched: match[0] };
  }
  return null;
}
