import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Files under seed/ that are not content: the change log (it records versions, so it cannot be
// part of one; the store build tracks it separately, see changeLogHash) and the editors' guide.
export const NOT_CONTENT = new Set(['changes.json', 'README.md']);

function* walk(dir: string, prefix = ''): Generator<[string, string]> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path, `${prefix}${name}/`);
    else yield [`${prefix}${name}`, path];
  }
}

/**
 * The content version: a hash of every seed file (but the change log and README) and every
 * migration file. The store records the version it was built from, so a server can tell that
 * seed/ changed even when file times cannot be trusted (a fresh clone gives every file the same
 * time); the change log names each version, so a partner can ask for what changed since one.
 */
export function contentVersion(seedDir: string, migrationsDir: string): string {
  const hash = createHash('sha256');
  for (const [label, dir] of [
    ['seed', seedDir],
    ['migrations', migrationsDir],
  ] as const) {
    if (!existsSync(dir)) continue;
    for (const [name, path] of walk(dir)) {
      if (label === 'seed' && NOT_CONTENT.has(name)) continue;
      hash.update(`${label}/${name}\0`).update(readFileSync(path)).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** A hash of seed/changes.json as it is ('none' without one): a store built from another log is stale. */
export function changeLogHash(seedDir: string): string {
  const path = join(seedDir, 'changes.json');
  return existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16) : 'none';
}
