// `npm run crisis:evaluate`: recall and false alarms of crisis detection on each evaluation set,
// the phrase patterns alone beside patterns and model together, and how many of the service's own
// everyday phrasings (peopleSay) and search queries are flagged. The confirmation sets (and the
// retired ones, now training data) are only scored with --confirmation: each is measured once per
// design kept, never used to choose one.
import { parseArgs } from 'node:util';
import { type CrisisDetection, detectByPhrases, detectCrisis } from '../../src/safety/crisis-detection.js';
import { CRISIS_SETS } from '../../test/helpers/crisis-sets.js';
import { loadExamples } from './data.js';

const { values } = parseArgs({ options: { confirmation: { type: 'boolean' }, list: { type: 'boolean' } } });

const percent = (n: number, of: number) => `${n}/${of} (${((100 * n) / Math.max(of, 1)).toFixed(1)} %)`;

function score(name: string, detect: (q: string) => CrisisDetection, atRisk: string[], ordinary: string[]) {
  const caught = atRisk.filter((q) => detect(q).detected).length;
  const flagged = ordinary.filter((q) => detect(q).detected);
  console.log(`  ${name.padEnd(22)} recall ${percent(caught, atRisk.length)}   false alarms ${percent(flagged.length, ordinary.length)}`);
  return flagged;
}

for (const set of CRISIS_SETS) {
  if (set.role !== 'development' && !values.confirmation) continue;
  console.log(`${set.name} (${set.role})`);
  const atRisk = set.atRisk.map((p) => p.text);
  const ordinary = set.ordinary.filter((p) => !p.topicMention).map((p) => p.text);
  score('patterns', detectByPhrases, atRisk, ordinary);
  const flagged = score('patterns + model', detectCrisis, atRisk, ordinary);
  if (values.list) for (const q of flagged) console.log(`    flagged: ${q}`);
}

const everyday = loadExamples().filter((e) => e.source === 'people-say' || e.source === 'search');
for (const source of ['people-say', 'search'] as const) {
  const texts = everyday.filter((e) => e.source === source).map((e) => e.text);
  console.log(`${source}`);
  score('patterns', detectByPhrases, [], texts);
  const flagged = score('patterns + model', detectCrisis, [], texts);
  for (const q of flagged) console.log(`    flagged: ${q} (${detectCrisis(q).reason})`);
}
