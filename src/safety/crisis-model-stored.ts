// The crisis model as trained and committed (crisis-model.json, written by npm run crisis:train).
import stored from './crisis-model.json' with { type: 'json' };
import { FEATURES_VERSION } from './crisis-features.js';
import type { CrisisModel } from './crisis-model.js';

/** The model, refused when it was trained on other features: its weights would be summed over the wrong ones, silently. */
export function checkedModel(model: CrisisModel): CrisisModel {
  if (model.featuresVersion !== FEATURES_VERSION) {
    throw new Error('src/safety/crisis-model.json was trained on other features: run npm run crisis:train');
  }
  return model;
}

export const CRISIS_MODEL = checkedModel(stored);
