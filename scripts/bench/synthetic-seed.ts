// A seed folder `factor` times the real one, written as Markdown so that the real loader,
// validator and builder make the store: the scaled store has exactly the production shape.
// Topics, sources and site texts stay as they are (the API has three topics by design); every
// record is cloned factor - 1 times with a suffixed slug, a numbered title and a body in which
// one paragraph is swapped for a paragraph of another record of its collection: search sees
// varied real prose, and a clone is about as long as a real record, so answers grow with the
// number of records and not with inflated ones.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { loadSeed } from '../../src/seed/load.js';
import { RECORD_COLLECTIONS } from '../../src/seed/schemas.js';

const TITLE_MAX = 120; // the seed schema's limit
const CLONE_ORDER_STEP = 10_000; // above any real record's order

const isProse = (paragraph: string) => paragraph.trim() !== '' && !paragraph.startsWith('#');

function paragraphs(body: string): string[] {
  return body.split(/\n{2,}/).filter(isProse);
}

/** `body` with its `n`th prose paragraph (cycling) replaced by `replacement`. */
function swapParagraph(body: string, n: number, replacement: string | undefined): string {
  const parts = body.split(/\n{2,}/);
  const prose = parts.flatMap((p, i) => (isProse(p) ? [i] : []));
  const at = prose[n % prose.length];
  // No replacement, or no prose paragraph (`at` is undefined when `prose` is empty).
  if (replacement === undefined || at === undefined) return body;
  parts[at] = replacement;
  return parts.join('\n\n');
}

/** Writes the synthetic seed into `targetDir` (created); returns how many records it holds. */
export function writeScaledSeed(realSeedDir: string, targetDir: string, factor: number): number {
  const content = loadSeed(realSeedDir);
  cpSync(realSeedDir, targetDir, { recursive: true });
  let records = 0;
  for (const collection of RECORD_COLLECTIONS) {
    const entries = content.records[collection];
    records += entries.length * factor;
    entries.forEach((entry, j) => {
      for (let copy = 1; copy < factor; copy++) {
        // Always in range (an index modulo the length of a list that holds `entry`).
        const donor = entries[(j + copy) % entries.length] ?? entry;
        const borrowed = paragraphs(donor.body);
        const body = swapParagraph(entry.body, copy, borrowed[copy % Math.max(1, borrowed.length)]);
        const suffix = ` (${copy + 1})`;
        // Loaded data has defaults applied and undefined notes; a JSON round trip drops those.
        const { slug: _slug, ...data } = JSON.parse(JSON.stringify(entry.data)) as Record<string, unknown> & { title: string };
        data.title = entry.data.title.slice(0, TITLE_MAX - suffix.length) + suffix;
        // Clones sort after the real records, as content added later would: a capped list then
        // shows the real records and a mix of clones, not twenty copies of whichever sorts first.
        if (typeof data.order === 'number') data.order += copy * CLONE_ORDER_STEP;
        writeFileSync(join(targetDir, collection, `${entry.slug}-x${copy + 1}.md`), matter.stringify(`${body}\n`, data));
      }
    });
  }
  return records;
}
