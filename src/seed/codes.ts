import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import type { z } from 'zod';
import { helpFirstSchema } from './schemas.js';

// The code map's checks (seed/codes/README.md): every code a record or the help-first list names
// must be in the vendored lines of the official release, with its official title.

/** The vendored lines of the official ICD-10-CM order file. */
export const ICD10CM_FILE = 'codes/icd10cm-order-2026-subset.txt';
export const HELP_FIRST_FILE = 'codes/help-first.md';

export type HelpFirstCode = z.output<typeof helpFirstSchema>['codes'][number];

interface Problem {
  file: string;
  field?: string;
  message: string;
}

/** ICD-10-CM writes a dot after the third character; the official files leave it out. */
export const dottedIcd10cm = (code: string) => (code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code);

/**
 * The long title of each code in the vendored order-file lines, by dotted code. Fixed-width lines:
 * order number (5), code (7), valid flag, short title (60), long title.
 */
export function officialTitles(root: string): Map<string, string> {
  const path = join(root, ICD10CM_FILE);
  const titles = new Map<string, string>();
  if (!existsSync(path)) return titles;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.length < 78) continue;
    titles.set(dottedIcd10cm(line.slice(6, 13).trim()), line.slice(77).trimEnd());
  }
  return titles;
}

/** Problems with one file's codes: unknown to the vendored release, or titled otherwise. */
export function checkCodes(
  file: string,
  codes: readonly { system: string; code: string; title: string }[],
  titles: ReadonlyMap<string, string>,
  problems: Problem[],
): void {
  codes.forEach(({ system, code, title }, i) => {
    if (system !== 'ICD-10-CM') {
      problems.push({
        file,
        field: `codes.${i}.system`,
        message: `no ${system} release is vendored in seed/codes/, so its codes cannot be checked`,
      });
      return;
    }
    const official = titles.get(code);
    if (official === undefined)
      problems.push({
        file,
        field: `codes.${i}.code`,
        message: `${code} is not in seed/${ICD10CM_FILE} (copy its line from the official order file)`,
      });
    else if (official !== title)
      problems.push({ file, field: `codes.${i}.title`, message: `the official title of ${code} is "${official}"` });
  });
}

/** seed/codes/help-first.md, checked like every other list of codes; empty when the seed has none. */
export function loadHelpFirst(root: string, titles: ReadonlyMap<string, string>, problems: Problem[]): HelpFirstCode[] {
  const path = join(root, HELP_FIRST_FILE);
  if (!existsSync(path)) return [];
  const file = `seed/${HELP_FIRST_FILE}`;
  const result = helpFirstSchema.safeParse(matter(readFileSync(path, 'utf8'), {}).data);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push({ file, field: issue.path.join('.') || undefined, message: issue.message });
    return [];
  }
  checkCodes(file, result.data.codes, titles, problems);
  return result.data.codes;
}
