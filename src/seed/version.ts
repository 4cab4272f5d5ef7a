import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function* walk(dir: string, prefix = ''): Generator<[string, string]> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path, `${prefix}${name}/`);
    else yield [`${prefix}${name}`, path];
  }
}

/**
 * The content version: a hash of every seed and migration file. The store records the version it
 * was built from, so a server can tell that seed/ changed even when file times cannot be trusted
 * (a fresh clone gives every file the same time).
 */
export function contentVersion(seedDir: string, migrationsDir: string): string {
  const hash = createHash('sha256');
  for (const [label, dir] of [['seed', seedDir], ['migrations', migrationsDir]] as const) {
    if (!existsSync(dir)) continue;
    for (const [name, path] of walk(dir)) hash.update(`${label}/${name}\0`).update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}
