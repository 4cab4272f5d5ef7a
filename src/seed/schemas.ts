import { z } from 'zod';
import { CONTENT_REGISTRY, type ContentTypeDefinition, type Registry, type RecordCollection } from '../content/registry.js';
import { SIGNPOST_KINDS } from '../content/help-directory.js';
import { SLUG_PATTERN, REVIEW_TYPES, SOURCE_AUTHORITIES, SOURCE_KINDS } from '../content/vocabulary.js';

// YAML turns 2026-11-22 into a Date and 2014 into a number; editors should not have to quote them.
const isoDate = z
  .union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));
const partialDate = z
  .union([z.date(), z.number().int(), z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)));
const slug = z.string().regex(SLUG_PATTERN, 'must be a lower-case slug (words joined by hyphens)');
const text = z.string().trim().min(1, 'must not be empty');
const optionalText = z.union([z.string(), z.number()]).transform(String).optional();

const topicLink = z.union([
  slug.transform((s) => ({ slug: s, note: undefined as string | undefined })),
  z.strictObject({ slug, note: text.optional() }),
]);

// A cited source and what it supports in this record ("What this source supports" on pages): a
// source that supports nothing in the record does not belong in its list, so the note is required.
const sourceLink = z.strictObject(
  {
    slug,
    supports: z
      .string({ error: 'say what this source supports in this record (one or two sentences)' })
      .pipe(text.max(400, 'must be at most 400 characters (one or two sentences)')),
  },
  { error: 'write each source as { slug, supports }: the source and what it supports in this record' },
);

/** Clinical code systems the code map uses (issue: infobutton and CDS Hooks). */
export const CODE_SYSTEMS = ['ICD-10-CM', 'SNOMED CT'] as const;
const codeFields = {
  system: z.enum(CODE_SYSTEMS),
  code: z
    .union([z.string(), z.number()])
    .transform(String)
    .pipe(z.string().regex(/^[A-Z0-9.]{3,18}$/, 'must be a code as the code system writes it (F43.2, 73595000)')),
  // The official title, copied from the release the build checks it against (seed/codes/).
  title: text,
};
const clinicalCode = z.strictObject({
  ...codeFields,
  // 1 = the record to show first for this code; an infobutton shows up to three.
  rank: z.number().int().min(1).max(9).default(1),
  // One line a clinician would agree with: why this record serves a patient with this code.
  reason: text.max(200, 'must be one line (at most 200 characters)'),
});

/** seed/codes/help-first.md: codes answered with the help directory first, never content alone. */
export const helpFirstSchema = z.strictObject({ codes: z.array(z.strictObject(codeFields)).min(1) });

// Slugs a record was published under before (a rename): `npm run changes:record` logs the rename,
// and the old address then redirects to the new one. Never served.
const formerSlugs = z.array(slug).optional();

const recordFields = {
  slug: slug.optional(),
  formerSlugs,
  title: text.max(120, 'must be at most 120 characters'),
  summary: text.max(320, 'must be at most 320 characters (one or two short sentences)'),
  sources: z.array(sourceLink).min(1, 'must cite at least one source'),
  reviewedAt: isoDate,
  nextReviewAt: isoDate,
  reviewType: z.enum(REVIEW_TYPES, { error: `must be one of: ${REVIEW_TYPES.join(', ')} (only editorial review has taken place)` }),
  order: z.number().int().min(0).optional(),
  keywords: z.array(text).default([]),
  // Everyday words and phrases people use for what the record describes ("also called / people
  // say"): editorial vocabulary that search matches, never shown or quoted as a fact.
  peopleSay: z.array(text.max(80, 'must be a short phrase (at most 80 characters)')).default([]),
  // Notes between editors (what a claim rests on, what to check next review): never stored or served.
  editorNotes: z.string().optional(),
  // Help the record points readers to, by kind: each region's services of that kind come from seed/help/.
  signposts: z.array(z.enum(SIGNPOST_KINDS)).default([]),
  // Other records a reader should see next, as collection/slug ("strategies/journaling"); each must exist.
  related: z
    .array(z.string().regex(/^[a-z]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be collection/slug, such as strategies/journaling'))
    .default([]),
  // Clinical codes the record serves (the infobutton and CDS Hooks code map), each with its official title.
  codes: z.array(clinicalCode).default([]),
};
const linkedRecordFields = { ...recordFields, topics: z.array(topicLink).min(1, 'must name at least one topic') };

// A bare DOI (no https://doi.org/ prefix): the citation adds the resolver.
export const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;
// Names are written "Surname, Given names" (initials are derived); a name without a comma is a group author.
const authorName = text.regex(/^[^,]+(, [^,]+)?$/, 'must be "Surname, Given names" or a group name without a comma');

export const sourceSchema = z
  .strictObject({
    title: text,
    publisher: z.union([z.string(), z.number()]).transform(String).pipe(text),
    authors: z.array(authorName).default([]),
    // A chapter in an edited book names the book's editors; a container without editors is a journal.
    editors: z.array(authorName).default([]),
    url: z.url({ protocol: /^https$/ }).optional(),
    doi: z.string().regex(DOI_PATTERN, 'must be a bare DOI such as 10.1097/HRP.0000000000000030').optional(),
    accessed: isoDate.optional(),
    published: partialDate.optional(),
    updated: partialDate.optional(),
    container: optionalText,
    volume: optionalText,
    issue: optionalText,
    pages: optionalText,
    kind: z.enum(SOURCE_KINDS),
    authority: z.enum(SOURCE_AUTHORITIES),
    order: z.number().int().min(0).optional(),
    formerSlugs,
  })
  .refine((s) => s.accessed !== undefined || (s.url === undefined && s.doi === undefined), {
    path: ['accessed'],
    message: 'is required when url or doi is set (the date the work was read, YYYY-MM-DD)',
  });

export const siteSchema = z.strictObject({ disclaimer: text, crisis: text });

export const topicSchema = z.strictObject({
  ...recordFields,
  definition: text,
  keyPoints: z.array(text).min(1),
  comparisons: z.array(z.union([z.strictObject({ topic: slug, text }), z.strictObject({ concept: text, text })])).min(1),
});

/** The front matter of one content type: the shared fields, its facets (an enum each) and its own text fields. */
export const seedSchemaOf = (entry: ContentTypeDefinition) =>
  z.strictObject({
    ...linkedRecordFields,
    ...Object.fromEntries(
      Object.entries(entry.facets).map(([name, f]) => [
        name,
        f.default === undefined ? z.enum(f.values) : z.enum(f.values).default(f.default),
      ]),
    ),
    ...Object.fromEntries(Object.entries(entry.extra).map(([name, x]) => [name, x.optional ? text.optional() : text])),
  });

/** A registry's seed schemas, by collection. */
export const seedSchemasOf = <R extends Registry>(registry: R) =>
  Object.fromEntries(registry.map((t) => [t.collection, seedSchemaOf(t)])) as Record<
    R[number]['collection'],
    ReturnType<typeof seedSchemaOf>
  >;

export const recordSchemas = seedSchemasOf(CONTENT_REGISTRY);

export const RECORD_COLLECTIONS = Object.keys(recordSchemas) as RecordCollection[];
export type SeedRecord<C extends RecordCollection = RecordCollection> = z.output<(typeof recordSchemas)[C]>;
