// `npm run db:build`: validates seed/ and builds the SQLite store from it.
import { loadConfig } from '../config.js';
import { buildStore } from './build.js';
import { SeedError } from './load.js';
import { changeLogStatus } from './record-changes.js';

const config = loadConfig();
try {
  const started = performance.now();
  const { version, counts } = buildStore({ seedDir: config.SEED_DIR, migrationsDir: config.MIGRATIONS_DIR, storePath: config.STORE_PATH });
  const ms = Math.round(performance.now() - started);
  console.log(`Built ${config.STORE_PATH} (content version ${version}) in ${ms} ms:`);
  for (const [name, n] of Object.entries(counts)) console.log(`  ${name.padEnd(11)} ${n}`);
  // The store is built either way (editing and previewing must not wait on the log), but what it
  // serves at /v1/changes stops short of the seed until the change is recorded.
  if (!changeLogStatus(config.SEED_DIR, config.MIGRATIONS_DIR).upToDate) {
    console.warn('Note: seed/changes.json does not record this content version yet; run `npm run changes:record` before committing.');
  }
} catch (error) {
  console.error(error instanceof SeedError ? error.message : error);
  process.exitCode = 1;
}
