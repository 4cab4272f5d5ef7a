import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readChangeLog } from '../../src/seed/change-log.js';
import { recordChanges } from '../../src/seed/record-changes.js';
import { copySeed, MIGRATIONS_DIR } from './store.js';

// Seed edits as editors make them, on a scratch copy of the seed (helpers/store.ts `copySeed`):
// a rename and a removal, with every link to the record following it. Record the edits with
// src/seed/record-changes.ts to get the 301s and 410s a store built from the copy answers.

/** Rewrites every other record's `related` links to `ref` (collection/slug): to `to`, or away. */
export function relink(seed: string, ref: string, to: string | null) {
  for (const folder of readdirSync(seed, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const name of readdirSync(join(seed, folder.name)).filter((n) => n.endsWith('.md'))) {
      const path = join(seed, folder.name, name);
      const text = readFileSync(path, 'utf8');
      const edited = text
        .split('\n')
        .flatMap((line) => {
          if (line.trim() === `- ${ref}`) return to ? [line.replace(ref, to)] : [];
          if (!line.startsWith('related: [')) return [line];
          const refs = line
            .slice('related: ['.length, -1)
            .split(', ')
            .flatMap((r) => (r === ref ? (to ? [to] : []) : [r]));
          return refs.length ? [`related: [${refs.join(', ')}]`] : [];
        })
        .join('\n');
      if (edited !== text) writeFileSync(path, edited);
    }
  }
}

/** A rename as editors do it: the file moves, its old slug is declared, and links to it follow. */
export function renameRecord(seed: string, collection: string, from: string, to: string) {
  const text = readFileSync(join(seed, collection, `${from}.md`), 'utf8');
  writeFileSync(join(seed, collection, `${to}.md`), text.replace(/^---\n/, `---\nformerSlugs: [${from}]\n`));
  rmSync(join(seed, collection, `${from}.md`));
  relink(seed, `${collection}/${from}`, `${collection}/${to}`);
}

/** A removal as editors do it: the file goes, and so do links to it. */
export function removeRecord(seed: string, collection: string, slug: string) {
  rmSync(join(seed, collection, `${slug}.md`));
  relink(seed, `${collection}/${slug}`, null);
}

interface Teardown {
  teardown(fn: () => unknown): void;
}

/**
 * A scratch copy of the seed with one record renamed and the rename recorded now (after the
 * log's last version), so its old slug answers 301 to the new one.
 */
export function seedWithRename(t: Teardown, collection: string, from: string, to: string): string {
  const seed = copySeed(t);
  renameRecord(seed, collection, from, to);
  const last = readChangeLog(seed).versions.at(-1);
  recordChanges(seed, MIGRATIONS_DIR, new Date(Math.max(Date.now(), last ? Date.parse(last.at) + 3600_000 : 0)));
  return seed;
}
