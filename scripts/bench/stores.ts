// Stores built for this run only, in a scratch folder, with the real builder: the bench never
// touches data/content.db, which a developer's server may be using.
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';
import { buildStore } from '../../src/seed/build.js';
import { writeScaledSeed } from './synthetic-seed.js';

const SEED_DIR = resolve(PROJECT_ROOT, 'seed');
const MIGRATIONS_DIR = resolve(PROJECT_ROOT, 'migrations');

export interface BuiltStore {
  path: string;
  records: number;
  megabytes: number;
  buildMs: number;
}

function build(seedDir: string, storePath: string): BuiltStore {
  const started = performance.now();
  const { counts } = buildStore({ seedDir, migrationsDir: MIGRATIONS_DIR, storePath });
  const records = Object.values(counts).reduce((a, b) => a + b, 0);
  return { path: storePath, records, megabytes: statSync(storePath).size / 1024 / 1024, buildMs: performance.now() - started };
}

export function buildRealStore(scratch: string): BuiltStore {
  return build(SEED_DIR, join(scratch, 'real', 'content.db'));
}

export function buildScaledStore(scratch: string, factor: number): BuiltStore & { seedMs: number } {
  const seedDir = join(scratch, `seed-x${factor}`);
  const started = performance.now();
  writeScaledSeed(SEED_DIR, seedDir, factor);
  const seedMs = performance.now() - started;
  return { ...build(seedDir, join(scratch, `x${factor}`, 'content.db')), seedMs };
}
