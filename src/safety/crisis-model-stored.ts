// The crisis model as trained and committed (crisis-model.json, written by npm run crisis:train).
// Read as data beside this module (the build copies it beside the bundle), not imported: a bundled
// JSON import becomes a 1.3 MB object literal in the server's source, which V8 parses more slowly
// than JSON.parse reads the file and keeps in the heap for as long as the process runs.
import { readFileSync } from 'node:fs';
import { FEATURES_VERSION } from './crisis-features.js';
import type { CrisisModel } from './crisis-model.js';

/** The model, refused when it was trained on other features: its weights would be summed over the wrong ones, silently. */
export function checkedModel(model: CrisisModel): CrisisModel {
  if (model.featuresVersion !== FEATURES_VERSION) {
    throw new Error('src/safety/crisis-model.json was trained on other features: run npm run crisis:train');
  }
  return model;
}

export const CRISIS_MODEL = checkedModel(JSON.parse(readFileSync(new URL('./crisis-model.json', import.meta.url), 'utf8')) as CrisisModel);
