// Risk said indirectly: euphemisms for dying ("go for good", "checking out", "rest for good"),
// welcoming an accident or an illness, arranging things "for after", harm hinted at. Each list
// joins its category's phrases in crisis-patterns.ts and follows the same rules (crisis-blocks.ts).

import { ACT, alt, gap, MEDS, SELF, WHOSE } from './crisis-blocks.js';

// Going away for good: of oneself, an allusion to dying; of a pet or a shop, news.
const AWAY_FOR_GOOD = alt(
  'go for good',
  'gone for good',
  'not come back',
  'not coming back',
  'never come back',
  'make it official',
  'be done with it(?: all)?',
);
// Rest, sleep or logging off for ever: an allusion to dying whoever says it.
const ENDING_FOR_GOOD = alt(
  'rest for good',
  'rest forever',
  '(?:log|logging|logged|sign|signing) (?:off|out) (?:permanently|for good|forever)',
  'disappear(?:ing)? (?:for good|forever|permanently)',
  'vanish(?:ed|ing)? (?:for good|forever)',
  'sweet release(?: of death)?',
  'good night forever',
);
/** Being gone for good, in the words people use instead of dying. */
export const GONE_FOR_GOOD = alt(AWAY_FOR_GOOD, ENDING_FOR_GOOD);
// Others as the subject: "we're going to make it official" is news of a couple, not of dying.
// ("They" needs no guard: the first-person reading reads it as "I", for "asking for a friend".)
const OF_OTHERS = '(?:we|were|you|youre)(?: are)?';

// An accident, an illness or a death that someone would welcome.
const ENDING_EVENT = alt(
  'hit me',
  'hits me',
  'went down',
  'goes down',
  'would go down',
  'crashed',
  'crashes',
  'died',
  'die',
  'dead',
  'didn t wake up',
  'not wake up',
  'something terminal',
  'terminal',
  '(?:heart|body) (?:just )?gives? out',
  'not (?:be|being) here',
  '(?:it all|everything|it) (?:to )?be over',
  GONE_FOR_GOOD,
);
const WELCOMING = alt(
  'wouldn t mind',
  'would not mind',
  'don t mind',
  'relieved',
  'a relief',
  'be nice',
  'be glad',
  'be fine',
  'easier',
  'hoping',
  'hope',
  'wish',
  'wishing',
);

export const INDIRECT: Readonly<Record<string, readonly string[]>> = {
  'intent-or-plan': [
    `(?:decided|deciding)(?: i m| im| to)? ending (?:it|things)(?: all)?(?= (?:this|on|tonight|tomorrow|today|next|don t))`,
    `^(?:i m |im )?(?:doing|do) it (?:tonight|today|now)$`,
    // Not of others (OF_OTHERS).
    `(?<!${OF_OTHERS} )(?:get to|going to|gonna|will|finally|can) ${GONE_FOR_GOOD}`,
    `(?:won t|will not) be (?:anyone s|anybody s|your|everyone s|a) (?:problem|burden|bother)(?: any more| much longer| after)?`,
    `(?:won t|will not) (?:have to )?(?:put up with|deal with|worry about) me (?:much longer|for long|any more|after)`,
    `(?:won t|will not|not going to) be (?:here|around|alive) by \\S+`,
    `(?:then|and then|before|after that) (?:i m|i am|i ll be) checking out`,
    `it s happening (?:tonight|today|now)${gap(4)} (?:not scared|ready|goodbye|calm|sorry)`,
    `(?:letters?|notes?)${gap(6)} (?:picked|set|chose|chosen) (?:a|the) date`,
    `(?:gave|giving|give) (?:away )?(?:my|all my)${gap(10)} (?:because|cos|since|as) (?:i|i ll|i m) (?:won t|will not|don t|not going to) need (?:them|it|any of it)`,
    `before (?:i|he|she) (?:go through with it|do it)(?= |$)`,
    `(?:letter|note)${gap(4)} (?:leaving|leave|left) (?:for|to) (?:my|the) (?:family|kids|children|parents|wife|husband|partner|mum|mom|dad)`,
    `(?:nothing|no loose ends) (?:left )?to (?:sort out|deal with|clean up) (?:when|after|once) (?:i m|i am) gone`,
    `everything i need${gap(4)} waiting for the (?:right|rite) (?:time|moment|day)`,
    `(?:wrote|written|writing|finished) my (?:suicide |goodbye |last )?(?:note|letter)(?!\\s(?:to|for)\\s(?:the|my)\\s(?:teacher|boss|school|landlord|doctor))`,
    `(?:picked|set|chose) (?:a|the|my) date${gap(4)} (?:birthday|bday|anniversary)`,
    `(?:letter|note)s?${gap(12)} (?:i m|i am) (?:not around|gone|dead)`,
    `(?:pets?|cats?|dogs?)${gap(6)} (?:if|when) (?:i m|you re|i am|you are) not coming back`,
    `paid off (?:all )?my debts${gap(4)} (?:gave|giving)`,
    `(?:passwords|bank details|pin numbers?)${gap(4)} (?:for after|after i m gone|when i m gone)`,
    `(?:if anyone|whoever|to whoever|to whoever s) finds? this`,
  ],
  method: [
    `(?:bridge|building|cliff|roof|tower)${gap(10)} so (?:i|that i) (?:can|could) jump`,
    `(?:bridge|building|cliff|roof|tower)${gap(10)} (?:enough to not survive|to not survive|not survive)`,
    `(?:gun|rifle|shotgun|pistol|firearm)${gap(12)} (?:how quick|how fast|how easy|for myself)`,
    `(?:hurt|painful|pain)(?: the)? least${gap(6)} (?:go for good|die|end it|do it)`,
    `how long (?:it takes|does it take|dose it take|would it take|will it take|do it take) to (?:bleed out|bleed to death|drown|suffocate|die)`,
    `(?:ways?|how) to dye(?= (?:in|tonight|now|painless|peaceful|quick)|$)`,
    `(?:would|could) (?:you|i|someone) not come back from`,
    `(?:off|from) (?:the |a )?\\d+(?:st|nd|rd|th)? (?:floor|storey|story)${gap(4)} (?:make it|survive|die|fatal)`,
    `(?:train|bridge|pills|rope|gun|dose|tablets|height|floor)${gap(14)} (?:asking for (?:no good reason|reasons|a reason)|i have my reasons)`,
  ],
  overdose: [
    `(?:take|took|taking|swallow|swallowed) every (?:single )?(?:pill|tablet|med)`,
    `(?:take|took|taking|swallow|swallowed) all (?:of )?(?:my|the|her|his)(?: \\S+)? ${MEDS}`,
    `(?:a )?(?:big |huge |whole )handful of(?: my| the)? ${MEDS}`,
    `because of what (?:i|he|she) (?:took|swallowed|did)`,
    `(?:empty|emptied) (?:blister )?packs?${gap(6)} (?:goodbye|good night|forever|sorry)`,
    `${MEDS}${gap(6)} so (?:i|that i) can be done with it`,
  ],
  'self-harm': [
    `(?:cut|cuts) (?:too|to|really|so) deep(?!.* (?:chopping|cooking|kitchen|onion|knife slipped))`,
    `cat scratch(?:ed|es)?${gap(6)} (?:if you know you know|iykyk)`,
    `(?:back on|back at|relapsed|relapse)${gap(4)} (?:with )?(?:the )?(?:blades?|razors?|lighter)`,
    `(?:wound|cut|burn|injury) (?:that )?(?:you|i) (?:did|made|gave) (?:to )?(?:${SELF}|on purpose)`,
    `(?:pain|hurting myself|cutting|burning)${gap(2)} is the only thing that (?:works|helps)`,
    `(?:fresh |new |deep )?marks on ${WHOSE}${gap(2)} (?:wrists?|arms?|thighs?|legs?)`,
  ],
  'suicidal-thoughts': [
    `(?:thought|think|thinking) about how (?:easy|quick|simple|peaceful|painless) it (?:would|d) be to (?:end it|die|${ACT}|go|do it)`,
    `thinking about ending things(?!\\s(?:with|between|at|in)\\s)`,
    `(?:think|thought|thinking) about (?:swerving|driving|crashing)`,
    `(?:log|logging|logged|sign|signing) (?:off|out) (?:permanently|for good|forever)`,
  ],
  burdensomeness: [
    `^(?:they d|they would|everyone d|everyone would|they ll|they will) be better off$`,
    `i (?:ruin|ruined|destroy|wreck|mess up) (?:their|everyone s|my family s|his|her) (?:lives|life)`,
    `(?:life )?insurance${gap(6)} (?:pay off|more than i|than i ve ever)`,
    `(?:calling|call|calls) ${SELF} (?:a )?(?:dead weight|burden|waste of space)`,
    `(?:drain|weight|burden|strain|problem) on (?:everyone|everybody|my family|them)${gap(2)} permanently`,
    `(?:more money|more room|more time|a better life)${gap(2)} if (?:i|i was|i were) (?:dead|gone|died)`,
  ],
  'thwarted-belongingness': [
    `(?:weeks|days|months) before (?:anyone|anybody|someone|people) (?:noticed|notice|found|find|realised|knew)`,
    `(?:nobody|no one) (?:would )?notice (?:me |i m |i was )?gone`,
    `(?:stopped|stop) (?:replying|texting|answering|posting) (?:forever|for good)${gap(6)} (?:register|notice|care|miss)`,
    `(?:would|will) (?:just )?(?:keep going|carry on|move on|go on) without me`,
    `(?:ghost|invisible|dead inside)${gap(6)} make it (?:official|real)`,
  ],
  'wish-to-be-dead': [
    `${WELCOMING}${gap(8)} (?:if|when)${gap(6)} ${ENDING_EVENT}`,
    `(?:if|when)${gap(8)} ${ENDING_EVENT}${gap(8)} ${WELCOMING}`,
    `(?:hope|hoping|wish|pray)${gap(4)} (?:my )?(?:heart|body)(?: just| would| will)? (?:gives? out|stops?|fails?)`,
    `(?:sad|disappointed|upset|angry|annoyed|gutted) (?:that )?i (?:woke up|wake up|m still (?:here|alive))`,
    `(?:would|d) be (?:nice|good|easier|better|a relief) (?:to )?(?:just )?(?:not be (?:here|alive|around)|never wake up|disappear|die|be dead|sleep forever)`,
    `(?:hoping|hope|wish|wishing)(?: that)? (?:it|the plane|the bus|the car|the train) (?:(?:would|will|could) )?(?:go down|crash|hit me)`,
    `(?:wish|want)${gap(3)} (?:it|this) (?:could|would) be permanent`,
    ENDING_FOR_GOOD,
    // Said of oneself, or alone: "my cat is not coming back" is news, not a wish.
    `(?:^|(?:i|i m|i ll|i d|me|(?<!${OF_OTHERS} \\S+ )(?:to|2))${gap(3)} |(?:wish|want|wanna|hope|hoping|pray)${gap(6)} )${AWAY_FOR_GOOD}`,
  ],
  hopelessness: [
    `run out of reasons(?: to (?:keep going|live|go on|stay))?`,
    `waiting for (?:it all|everything|it|life|my life) to (?:be over|end|stop)`,
    `light at the end of the tunnel is a train`,
    `(?:i ve|i have|i m|i) lived long enough`,
    `(?:just )?counting down(?: the days)?(?!\\s(?:to|until|till)\\s)`,
  ],
};
