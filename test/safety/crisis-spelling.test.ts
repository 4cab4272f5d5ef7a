import t from 'tap';
import { RISK_WORDS, correctTypos, riskWordFor } from '../../src/safety/crisis-spelling.js';

// Typos in the words risk is said with (src/safety/crisis-spelling.ts). Every risk word is listed
// here with a typo of it that must be read as it, and every everyday word that must never be
// corrected, so that a word dropped from either list fails here.

/** One typo of each risk word, and the word it must be read as. */
const TYPOS: readonly [string, string][] = [
  ['sucide', 'suicide'],
  ['sucidal', 'suicidal'],
  ['ovrdose', 'overdose'],
  ['ovrdosed', 'overdosed'],
  ['ovrdosing', 'overdosing'],
  ['stckpiling', 'stockpiling'],
  ['stckpiled', 'stockpiled'],
  ['hording', 'hoarding'],
  ['swllow', 'swallow'],
  ['swllowed', 'swallowed'],
  ['prscription', 'prescription'],
  ['talets', 'tablets'],
  ['pillss', 'pills'],
  ['paacetamol', 'paracetamol'],
  ['ibprofen', 'ibuprofen'],
  ['pankillers', 'painkillers'],
  ['sleping', 'sleeping'],
  ['exiist', 'exist'],
  ['exsting', 'existing'],
  ['exstence', 'existence'],
  ['aliive', 'alive'],
  ['livving', 'living'],
  ['nobbody', 'nobody'],
  ['anyyone', 'anyone'],
  ['anbody', 'anybody'],
  ['soeone', 'someone'],
  ['evryone', 'everyone'],
  ['evrybody', 'everybody'],
  ['evrything', 'everything'],
  ['eveery', 'every'],
  ['toight', 'tonight'],
  ['toorrow', 'tomorrow'],
  ['wekend', 'weekend'],
  ['anmore', 'anymore'],
  ['diappear', 'disappear'],
  ['diappeared', 'disappeared'],
  ['foever', 'forever'],
  ['pemanently', 'permanently'],
  ['godbye', 'goodbye'],
  ['fueral', 'funeral'],
  ['mysself', 'myself'],
  ['hiself', 'himself'],
  ['heself', 'herself'],
  ['yorself', 'yourself'],
  ['wouuld', 'would'],
  ['couuld', 'could'],
  ['shoould', 'should'],
  ['wannaa', 'wanna'],
  ['nottice', 'notice'],
  ['noiced', 'noticed'],
  ['sttches', 'stitches'],
  ['bleding', 'bleeding'],
  ['wriists', 'wrists'],
  ['razzor', 'razor'],
  ['blaades', 'blades'],
  ['haging', 'hanging'],
  ['kiling', 'killing'],
  ['endding', 'ending'],
  ['suvive', 'survive'],
  ['panless', 'painless'],
  ['letthal', 'lethal'],
  ['fattal', 'fatal'],
  ['burrden', 'burden'],
  ['wothless', 'worthless'],
  ['hoeless', 'hopeless'],
  ['pontless', 'pointless'],
  ['reapse', 'relapse'],
  ['reapsed', 'relapsed'],
  ['cuting', 'cutting'],
  ['buning', 'burning'],
  ['scatching', 'scratching'],
  ['wakking', 'waking'],
  ['deerve', 'deserve'],
  ['betteer', 'better'],
  ['wihout', 'without'],
  ['beause', 'because'],
  ['thrugh', 'through'],
  ['agaain', 'again'],
  ['tirred', 'tired'],
  ['enoough', 'enough'],
  ['cainet', 'cabinet'],
  ['bottlle', 'bottle'],
  ['briidge', 'bridge'],
  ['bulding', 'building'],
  ['juping', 'jumping'],
  ['plnning', 'planning'],
  ['deided', 'decided'],
  ['letteer', 'letter'],
  ['leters', 'letters'],
  ['diappointed', 'disappointed'],
];

t.test('a typo of every risk word is read as that word', async (t) => {
  t.same([...new Set(TYPOS.map(([, word]) => word))].sort(), [...new Set(RISK_WORDS)].sort(), 'every risk word has its typo here');
  t.equal(new Set(RISK_WORDS).size, RISK_WORDS.length, 'no risk word is listed twice');
  for (const [typo, word] of TYPOS) t.equal(riskWordFor(typo), word, `${typo} → ${word}`);
});

/** Everyday words one edit from a risk word: never corrected. */
const EVERYDAY = ['overdone', 'overdoes', 'swallows', 'bitter', 'butter', 'batter', 'planting', 'decides', 'bridges', 'tablet'];

t.test('everyday words next to a risk word are never corrected', async (t) => {
  for (const word of EVERYDAY) t.equal(riskWordFor(word), undefined, word);
});

t.test('only words of six letters or more, without digits, that are not risk words themselves', async (t) => {
  t.equal(riskWordFor('sucid'), undefined, 'five letters');
  t.equal(riskWordFor('suicide'), undefined, 'a risk word as typed');
  t.equal(riskWordFor('sucid3'), undefined, 'a digit');
  t.equal(riskWordFor('zucide'), undefined, 'the first letter is kept');
  t.equal(riskWordFor('zuicide'), undefined, 'one edit, but in the first letter: not a typo of suicide');
  t.equal(riskWordFor('ovrdosinng'), 'overdosing', 'two edits in a word of exactly ten letters');
  t.equal(riskWordFor('perminantly'), 'permanently', 'two edits in a word of ten letters or more');
  t.equal(riskWordFor('pormenantlyy'), undefined, 'three edits are too many');
  t.equal(riskWordFor('stckpilng'), undefined, 'two edits in a word of nine letters are too many');
  t.equal(correctTypos('i want to sucide tonite'), 'i want to suicide tonite', 'only the typos of risk words change');
});
