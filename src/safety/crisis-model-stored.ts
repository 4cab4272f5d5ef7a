// The crisis model as trained and committed (crisis-model.json, written by npm run crisis:train).
import stored from './crisis-model.json' with { type: 'json' };
import { FEATURES_VERSION } from './crisis-features.js';
import type { CrisisModel } from './crisis-model.js';

export const CRISIS_MODEL = stored as CrisisModel;
// Weights learnt for other features would be summed over the wrong ones, silently.
if (CRISIS_MODEL.featuresVersion !== FEATURES_VERSION) {
  throw new Error('src/safety/crisis-model.json was trained on other features: run npm run crisis:train');
}
