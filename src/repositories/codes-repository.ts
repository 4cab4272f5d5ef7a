import { asc } from 'drizzle-orm';
import { CODE_SYSTEMS, ICD10CM, icd10cmAncestors } from '../content/code-systems.js';
import { defined } from '../content/defined.js';
import type { RecordCollection, Registry } from '../content/registry.js';
import type { Db } from '../db/open.js';
import * as schema from '../db/schema.js';
import type { ContentRecord, ContentRepository, Topic } from './content-repository.js';

/** How many records one code answers with: what an infobutton shows (MedlinePlus Connect's three). */
export const ANSWERS_PER_CODE = 3;

/** A topic or record a code is mapped to, with why and how well (rank 1 = the one to show first). */
export interface MappedRecord {
  item: Topic | ContentRecord;
  collection: 'topics' | RecordCollection;
  rank: number;
  reason: string;
}

/** One code of the map: its official title and every record mapped to it, best first. */
export interface MappedCode {
  system: string;
  code: string;
  title: string;
  /** A code for suicidal thoughts, self-harm or a suicide attempt: answered with help, never content. */
  helpFirst: boolean;
  records: MappedRecord[];
}

/** A code a record serves, as its page lists it ("Used for: …"). */
export interface CodeRef {
  system: string;
  code: string;
  title: string;
}

interface Matched {
  system: string;
  /** The code asked for, normalised. */
  code: string;
  /** The code whose entry answers: the code itself, or the nearest code above it. */
  matchedCode: string;
  matchedTitle: string;
  /** The code asked for when an ancestor answers; null for an exact match. */
  fellBackFrom: string | null;
}

/** What a code answers with. */
export type CodeLookup =
  | (Matched & { outcome: 'help-first' })
  | (Matched & { outcome: 'records'; records: MappedRecord[] })
  | { outcome: 'none'; system: string; code: string };

const keyOf = (system: string, code: string) => `${system}|${code}`;

/**
 * The code map (seed front-matter `codes:` and seed/codes/help-first.md), read once per store:
 * which topics and records answer a clinical code, and which codes answer with the help
 * directory first. `code` arguments are normalised by the caller (src/content/code-systems.ts).
 */
export class CodesRepository {
  private readonly byCode = new Map<string, MappedCode>();
  private readonly byRecord = new Map<string, CodeRef[]>();
  private readonly listed: MappedCode[];

  constructor(db: Db, content: ContentRepository, registry: Registry) {
    // Ties in rank go to the editorial order: topics first, then the collections in registry
    // order, then each collection's own order.
    const collectionOrder = new Map<string, number>([['topic', -1], ...registry.map((e, i) => [e.type, i] as [string, number])]);
    const resolve = (type: string, slug: string): Pick<MappedRecord, 'item' | 'collection'> => {
      const missing = () => `The code map names ${type} "${slug}", which the content store does not have.`;
      if (type === 'topic') return { item: defined(content.getTopic(slug), missing), collection: 'topics' };
      const collection = defined(registry.find((e) => e.type === type)?.collection, missing) as RecordCollection;
      return { item: defined(content.get(collection, slug), missing), collection };
    };
    const entry = (system: string, code: string, title: string) => {
      const key = keyOf(system, code);
      let found = this.byCode.get(key);
      if (!found) {
        found = { system, code, title, helpFirst: false, records: [] };
        this.byCode.set(key, found);
      }
      return found;
    };

    for (const row of db.select().from(schema.helpFirstCodes).all()) entry(row.system, row.code, row.title).helpFirst = true;
    for (const row of db.select().from(schema.recordCodes).orderBy(asc(schema.recordCodes.code)).all()) {
      entry(row.system, row.code, row.title).records.push({
        ...resolve(row.recordType, row.recordSlug),
        rank: row.rank,
        reason: row.reason,
      });
      const refKey = `${row.recordType}/${row.recordSlug}`;
      this.byRecord.set(refKey, [...(this.byRecord.get(refKey) ?? []), { system: row.system, code: row.code, title: row.title }]);
    }
    const editorial = (r: MappedRecord) => [collectionOrder.get(r.item.type) ?? registry.length, r.item.order] as const;
    for (const mapped of this.byCode.values()) {
      mapped.records.sort((a, b) => {
        const [ca, oa] = editorial(a);
        const [cb, ob] = editorial(b);
        return a.rank - b.rank || ca - cb || oa - ob || a.item.slug.localeCompare(b.item.slug, 'en');
      });
    }
    const systemOrder = (name: string) => CODE_SYSTEMS.findIndex((s) => s.name === name);
    this.listed = [...this.byCode.values()].sort(
      (a, b) => systemOrder(a.system) - systemOrder(b.system) || a.code.localeCompare(b.code, 'en'),
    );
  }

  /**
   * What a code answers with. Help first: if the code or any code above it is a help-first code,
   * that decides before anything else. Otherwise the records mapped to the code, best rank first,
   * at most three; a code with none falls back to the nearest code above it that has some
   * (ICD-10-CM only: F43.21 → F43.2 → F43), and the answer says which code matched.
   */
  lookup(system: string, code: string): CodeLookup {
    const chain = system === ICD10CM.name ? [code, ...icd10cmAncestors(code)] : [code];
    const matched = (hit: MappedCode): Matched => ({
      system,
      code,
      matchedCode: hit.code,
      matchedTitle: hit.title,
      fellBackFrom: hit.code === code ? null : code,
    });
    const helpFirst = chain.map((c) => this.byCode.get(keyOf(system, c))).find((hit) => hit?.helpFirst);
    if (helpFirst) return { outcome: 'help-first', ...matched(helpFirst) };
    const mapped = chain.map((c) => this.byCode.get(keyOf(system, c))).find((hit) => hit !== undefined && hit.records.length > 0);
    if (mapped) return { outcome: 'records', ...matched(mapped), records: mapped.records.slice(0, ANSWERS_PER_CODE) };
    return { outcome: 'none', system, code };
  }

  /** Every code of the map (help-first codes included), by system and code. */
  all(): readonly MappedCode[] {
    return this.listed;
  }

  /** The codes a topic (`type` "topic") or record serves, in code order. */
  forRecord(type: string, slug: string): readonly CodeRef[] {
    return this.byRecord.get(`${type}/${slug}`) ?? [];
  }
}
