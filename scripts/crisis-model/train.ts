// `npm run crisis:train`: trains the crisis model on the development data and writes
// src/safety/crisis-model.json. Cross-validation by set (cross-validate.ts) chooses the threshold
// and estimates recall on phrasings written by someone else; the model is then fitted on all the
// data. Deterministic: the same data gives the same file. `--check` writes nothing and exits 1 when
// the committed model differs from a fresh run.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CrisisModel } from '../../src/safety/crisis-model.js';
import { FOLDS, falseAlarmsBySource, foldReports, outOfFold, thresholdFor } from './cross-validate.js';
import { hashExamples, loadExamples } from './data.js';
import { type FitOptions, fit, prepare } from './fit.js';

export const MODEL_FILE = new URL('../../src/safety/crisis-model.json', import.meta.url);

export const OPTIONS: FitOptions = {
  minCount: 2,
  riskShare: 1,
  hardNegativeWeight: 2,
  risk: { steps: 300, learningRate: 0.05, l2: 3e-6 },
  category: { steps: 300, learningRate: 0.05, l2: 1e-5 },
  prune: 2e-3,
  categoryPrune: 0.05,
};
/** Held-out false alarms allowed: over every kind of ordinary query, and over the hand-written near misses (2 %: the bar for a set written by someone else). */
export const FALSE_ALARM_CEILING = 0.015;
export const SET_FALSE_ALARM_CEILING = 0.02;

export function train(): CrisisModel {
  const raw = loadExamples();
  const examples = prepare(raw);
  const oof = outOfFold(examples, OPTIONS);
  const threshold = thresholdFor(examples, oof.scores, FALSE_ALARM_CEILING, SET_FALSE_ALARM_CEILING);
  const count = (atRisk: boolean) => examples.filter((e) => e.atRisk === atRisk).length;
  const model = fit(examples, OPTIONS);
  return {
    featuresVersion: model.featuresVersion,
    trainedOn: hashExamples(raw),
    training: {
      options: OPTIONS,
      examples: { atRisk: count(true), ordinary: count(false) },
      crossValidation: {
        folds: FOLDS.join(', '),
        heldOut: foldReports(examples, oof, threshold),
        falseAlarms: falseAlarmsBySource(examples, oof.scores, threshold),
      },
    },
    threshold: Math.round(threshold * 1e4) / 1e4,
    bias: model.bias,
    weights: model.weights,
    categories: model.categories,
    categoryBias: model.categoryBias,
    categoryWeights: model.categoryWeights,
  };
}

/** One feature per line, so a retrained model is reviewed as a readable diff. */
export function serialise(model: CrisisModel): string {
  const lines = (record: Record<string, unknown>) =>
    Object.entries(record)
      .map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
      .join(',\n');
  const { weights, categoryWeights, ...rest } = model;
  const head = JSON.stringify(rest, null, 2).replace(/\n}$/, '');
  return `${head},\n  "weights": {\n${lines(weights)}\n  },\n  "categoryWeights": {\n${lines(categoryWeights)}\n  }\n}\n`;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const { values } = parseArgs({ options: { check: { type: 'boolean' } } });
  const text = serialise(train());
  if (values.check) {
    const same = readFileSync(MODEL_FILE, 'utf8') === text;
    console.log(
      same ? 'src/safety/crisis-model.json matches a fresh training run' : 'src/safety/crisis-model.json differs: run npm run crisis:train',
    );
    process.exitCode = same ? 0 : 1;
  } else {
    writeFileSync(MODEL_FILE, text);
    const written = JSON.parse(text) as CrisisModel;
    console.log(JSON.stringify({ threshold: written.threshold, ...written.training }, null, 1));
    console.log(
      `${Object.keys(written.weights).length} weights, ${Object.keys(written.categoryWeights).length} category rows, ${text.length} bytes`,
    );
  }
}
