// `npm run changes:record`: appends what changed in seed/ to seed/changes.json as a new content
// version. `--check` only compares and exits 1 when the log is behind the seed (for CI).
import { loadConfig } from '../config.js';
import type { LoggedChange } from './change-log.js';
import { SeedError } from './load.js';
import { changeLogStatus, recordChanges } from './record-changes.js';

const describe = (c: LoggedChange) => `  ${c.change.padEnd(8)} ${c.type} ${c.slug}${c.change === 'renamed' ? ` → ${c.newSlug}` : ''}`;

const config = loadConfig();
try {
  if (process.argv.includes('--check')) {
    const status = changeLogStatus(config.SEED_DIR, config.MIGRATIONS_DIR);
    if (status.upToDate) console.log(`seed/changes.json is up to date (content version ${status.version}).`);
    else {
      console.error(
        `seed/changes.json is behind the seed (content version ${status.version}; last logged ${status.lastVersion ?? 'none'}). Run \`npm run changes:record\` and commit it.`,
      );
      for (const c of status.pending) console.error(describe(c));
      process.exitCode = 1;
    }
  } else {
    const logged = recordChanges(config.SEED_DIR, config.MIGRATIONS_DIR);
    if (!logged) console.log('Nothing to record: seed/changes.json is up to date.');
    else {
      console.log(
        `Logged content version ${logged.version} at ${logged.at} with ${logged.changes.length} change${logged.changes.length === 1 ? '' : 's'}:`,
      );
      for (const c of logged.changes) console.log(describe(c));
    }
  }
} catch (error) {
  console.error(error instanceof SeedError ? error.message : error);
  process.exitCode = 1;
}
