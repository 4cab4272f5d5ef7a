import { CONTENT_REGISTRY, type Registry } from './registry.js';

// Controlled vocabularies shared by the seed schemas, the database schema and the API schemas,
// so an enum value is declared exactly once. Each content type's facet values and labels are
// in its registry entry (./registry.ts).
export const TOPIC_SLUGS = ['emotional-isolation', 'emotional-withdrawal', 'emotional-detachment'] as const;

export const SOURCE_KINDS = ['article', 'reference'] as const;
// How much weight a source carries: the first three back clinical claims; `secondary` (blogs,
// magazines, vendors' articles) supplies facts but is not evidence on its own.
export const SOURCE_AUTHORITIES = ['public-health', 'professional-body', 'peer-reviewed', 'secondary'] as const;
export const AUTHORITATIVE = ['public-health', 'professional-body', 'peer-reviewed'] as const;
// Only editorial review has taken place; a clinical review type is added when one really happens.
export const REVIEW_TYPES = ['editorial'] as const;

// Display labels for facet values: the one table the embeds and partners (GET /v1/vocabulary)
// read. Typed by the value lists above, so a value without a label does not compile.
type Labels<Values extends readonly string[]> = { readonly [V in Values[number]]: string };

export const SOURCE_KIND_LABELS: Labels<typeof SOURCE_KINDS> = { article: 'Article', reference: 'Reference' };

/** The filterable facets of a registry's types (those with any) and of sources, by collection and query parameter, with each value's label. */
export const facetLabelsOf = (
  registry: Registry,
): Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, string>>>>>> => ({
  ...Object.fromEntries(
    registry
      .filter((t) => Object.keys(t.facets).length > 0)
      .map((t) => [
        t.collection,
        Object.fromEntries(Object.entries(t.facets).map(([name, f]) => [name, f.labels as Readonly<Record<string, string>>])),
      ]),
  ),
  sources: { kind: SOURCE_KIND_LABELS },
});

export const FACET_LABELS = facetLabelsOf(CONTENT_REGISTRY);

/** The label of a facet value, or undefined for a collection, facet or value without one. */
export function facetLabel(collection: string, facet: string, value: string): string | undefined {
  const facets = FACET_LABELS[collection];
  return facets?.[facet]?.[value];
}

/** How a body can be sent: its Markdown source, rendered HTML, or plain text. */
export const BODY_FORMATS = ['markdown', 'html', 'text'] as const;

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What a list can be sorted by: the keys the API's `sort` parameter accepts (`-key` descending). */
export const SORT_KEYS = ['order', 'title', 'slug', 'reviewedAt', 'nextReviewAt'] as const;

/** What a change-log entry says happened to a record (seed/changes.json, GET /v1/changes). */
export const CHANGE_KINDS = ['created', 'updated', 'removed', 'renamed'] as const;
