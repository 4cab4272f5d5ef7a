import { z } from 'zod';
import { INVISIBLE } from '../content/characters.js';
import { CONTENT_REGISTRY, type ContentTypeEntry } from '../content/registry.js';
import { SLUG_PATTERN } from '../content/vocabulary.js';
import { Problem } from './common.js';
import { region } from './crisis.js';
import { orderedCommaList } from './lists.js';
import { namedEnum } from './enums.js';
import { withExample } from './parameters.js';

// The collections a clinician can embed: those whose registry entry says `embed`.
type Embeddable = Extract<ContentTypeEntry, { embed: true }>;
const EMBEDDABLE = CONTENT_REGISTRY.filter((t): t is Embeddable => t.embed);
export type EmbedCollection = Embeddable['collection'];
export type EmbedType = Embeddable['type'];
export const EMBED_COLLECTIONS = EMBEDDABLE.map((t) => t.collection) as [EmbedCollection, ...EmbedCollection[]];
export const EMBED_TYPES = EMBEDDABLE.map((t) => t.type) as [EmbedType, ...EmbedType[]];
const COUNTS = ['none', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

export const THEMES = ['light', 'dark', 'auto'] as const;
export const LAYOUTS = ['full', 'compact'] as const;
export type Theme = (typeof THEMES)[number];
export type Layout = (typeof LAYOUTS)[number];
export const MAX_LIST_ITEMS = 30;

// Text from a URL that is shown on the page: control and bidi-override characters are refused
// outright (they can hide or reorder what a reader sees), the rest is escaped when rendered.

/** Well-formed BCP 47 tags only; `Intl` also gives the canonical casing (en-gb → en-GB). */
const canonicalLanguage = (tag: string): string | null => {
  try {
    return /^[A-Za-z0-9-]+$/.test(tag) ? (Intl.getCanonicalLocales(tag)[0] ?? null) : null;
  } catch {
    return null;
  }
};

/** The colour themes of pages and embeds. */
export const Theme = namedEnum(
  'Theme',
  THEMES,
  'A colour theme: light, dark, or auto (the reader’s system setting).',
  'must be one of light, dark, auto',
);

const theme = withExample(
  Theme.default('light').describe("Colour theme: `light`, `dark`, or `auto` (follows the reader's system setting)."),
  'dark',
);

const lang = withExample(
  z
    .string()
    .max(35, 'must be a BCP 47 language tag of at most 35 characters')
    .transform((v, ctx) => {
      const tag = canonicalLanguage(v);
      if (tag === null) ctx.addIssue({ code: 'custom', message: 'must be a BCP 47 language tag such as en or en-GB' });
      return tag ?? 'en';
    })
    .default('en')
    .describe(
      'Page language as a BCP 47 tag, for assistive technology and dates. The content is written in English, so use an English variant such as `en-GB` or `en-AU`.',
    ),
  'en-GB',
);

const layout = withExample(
  namedEnum('EmbedLayout', LAYOUTS, 'How much an embed shows of each item.', 'must be one of full, compact')
    .optional()
    .describe(
      '`full` (default): summaries with first steps, sources and review dates per item. `compact`: titles and summaries, with the sources gathered at the end.',
    ),
  'compact',
);

const compact = withExample(
  namedEnum('BooleanText', ['true', 'false'], 'true or false, as a query parameter spells it.', 'must be true or false')
    .optional()
    .describe('Shorthand for `layout=compact` (`true`) or `layout=full` (`false`).'),
  'true',
);

/** Options every embed page takes. */
export const embedOptions = { theme, lang, layout, compact, region };

// `layout` and `compact` say the same thing; both may be given only if they agree.
const layoutsAgree = (q: { layout?: Layout; compact?: 'true' | 'false' }, ctx: z.RefinementCtx) => {
  if (q.layout && q.compact && (q.layout === 'compact') !== (q.compact === 'true')) {
    ctx.addIssue({ code: 'custom', path: ['compact'], message: `contradicts layout=${q.layout}; give one of them` });
  }
};

export const layoutOf = (q: { layout?: Layout; compact?: 'true' | 'false' }): Layout =>
  q.layout ?? (q.compact === 'true' ? 'compact' : 'full');

export const embedTopicParams = z.strictObject({
  slug: withExample(
    z.string().max(200).describe("The topic's slug: `emotional-isolation`, `emotional-withdrawal` or `emotional-detachment`."),
    'emotional-withdrawal',
  ),
});

export const embedTopicQuery = z
  .strictObject({
    sections: withExample(
      orderedCommaList(z.enum(EMBED_COLLECTIONS, { error: `must be one of ${EMBED_COLLECTIONS.join(', ')}` }))
        .transform((s) => [...new Set(s)])
        .default([...EMBED_COLLECTIONS])
        .describe(
          `Sections to show, in this order (comma-separated): ${EMBED_COLLECTIONS.join(', ')}. Default: all ${COUNTS[EMBED_COLLECTIONS.length] ?? EMBED_COLLECTIONS.length}.`,
        ),
      'strategies,therapies',
    ),
    ...embedOptions,
  })
  .superRefine(layoutsAgree);

export interface ItemRef {
  type: EmbedType;
  slug: string;
}

const itemRef = z.string().transform((value, ctx): ItemRef => {
  const [type = '', slug = '', ...rest] = value.split(':');
  if (!(EMBED_TYPES as readonly string[]).includes(type)) {
    ctx.addIssue({ code: 'custom', message: `each item must start with a type (${EMBED_TYPES.join(', ')}), as in strategy:journaling` });
  } else if (rest.length > 0 || !SLUG_PATTERN.test(slug)) {
    ctx.addIssue({ code: 'custom', message: 'each item must be <type>:<slug>, as in strategy:journaling' });
  }
  return { type: type as EmbedType, slug };
});

export const embedListQuery = z
  .strictObject({
    items: withExample(
      orderedCommaList(itemRef)
        .transform((refs) => refs.filter((r, i) => refs.findIndex((o) => o.type === r.type && o.slug === r.slug) === i))
        .refine((refs) => refs.length <= MAX_LIST_ITEMS, `must name at most ${MAX_LIST_ITEMS} records`)
        .describe(
          `Records to show, in this order (comma-separated \`<type>:<slug>\`, type one of ${EMBED_TYPES.join(', ')}), e.g. \`strategy:journaling,therapy:counselling\`. At most ${MAX_LIST_ITEMS}.`,
        ),
      'strategy:journaling,therapy:counselling',
    ),
    title: withExample(
      z
        .string()
        .trim()
        .min(1, 'must not be empty')
        .max(120, 'must be at most 120 characters')
        .refine((v) => !INVISIBLE.test(v), 'must not contain control or bidirectional-override characters')
        .optional()
        .describe('Heading for the list (plain text, at most 120 characters). Default: "Selected resources".'),
      'Ways to reconnect',
    ),
    ...embedOptions,
  })
  .superRefine(layoutsAgree);

export type EmbedTopicQuery = z.output<typeof embedTopicQuery>;
export type EmbedListQuery = z.output<typeof embedListQuery>;

export const oembedQuery = z.strictObject({
  url: withExample(
    z
      .string()
      .min(1, 'must not be empty')
      .max(2048, 'must be at most 2048 characters')
      .describe('An embed URL of this service, e.g. `https://api.example.org/embed/topics/emotional-withdrawal?sections=strategies`.'),
    'https://api.example.org/embed/topics/emotional-withdrawal?sections=strategies',
  ),
  format: withExample(
    namedEnum('OEmbedFormat', ['json', 'xml'], 'An oEmbed response format.', 'must be json or xml')
      .default('json')
      .describe('Response format: `json` (default) or `xml`.'),
    'json',
  ),
  maxwidth: withExample(
    z.coerce
      .number({ error: 'must be a whole number of pixels' })
      .int('must be a whole number of pixels')
      .min(1, 'must be at least 1')
      .max(10_000, 'must be at most 10000')
      .optional()
      .describe('Largest width, in pixels, the consumer can show.'),
    600,
  ),
  maxheight: withExample(
    z.coerce
      .number({ error: 'must be a whole number of pixels' })
      .int('must be a whole number of pixels')
      .min(1, 'must be at least 1')
      .max(10_000, 'must be at most 10000')
      .optional()
      .describe('Largest height, in pixels, the consumer can show.'),
    900,
  ),
});

export const OEmbed = z
  .object({
    version: z.literal('1.0'),
    type: z.literal('rich'),
    html: z.string().describe('An iframe showing the embed; paste it into a page.'),
    width: z.number().int().describe('Width of the iframe in pixels.'),
    height: z.number().int().describe('Height of the iframe in pixels.'),
    title: z.string().describe('Title of the embedded list.'),
    provider_name: z.string(),
    provider_url: z.string(),
    cache_age: z.number().int().describe('Seconds the consumer may cache this response.'),
  })
  .meta({
    id: 'OEmbed',
    description: 'An oEmbed 1.0 `rich` response.',
    example: {
      version: '1.0',
      type: 'rich',
      html: '<iframe src="https://api.example.org/embed/topics/emotional-withdrawal?sections=strategies,therapies" width="600" height="900" title="Emotional withdrawal: Coping strategies, Therapies and support" loading="lazy" sandbox="allow-popups allow-popups-to-escape-sandbox" referrerpolicy="no-referrer" style="border:0;max-width:100%"></iframe>',
      width: 600,
      height: 900,
      title: 'Emotional withdrawal: Coping strategies, Therapies and support',
      provider_name: 'Emotional Connection Content API',
      provider_url: 'https://api.example.org/',
      cache_age: 300,
    },
  });

export const noQuery = z.strictObject({});

// OpenAPI descriptions of HTML answers: the page is a string of text/html with an example.
export const htmlResponse = (description: string, example: string) => ({
  description,
  content: { 'text/html': { schema: z.string().meta({ example }) } },
});

const htmlOrProblem = (description: string, example: string) => ({
  description,
  content: {
    'text/html': { schema: z.string().meta({ example }) },
    'application/problem+json': { schema: Problem },
  },
});

const ERROR_PAGE_EXAMPLE =
  '<!doctype html>\n<html lang="en" data-theme="light" data-layout="full">…<h1>This embed link is not valid</h1>…<li><strong>sections</strong>: must be one of signs, causes, contexts, strategies, therapies, faqs</li>…</html>';

/** Embed errors: an HTML page for people and iframes, problem+json when Accept prefers JSON. */
export const embedErrorResponses = (notFound?: string) => ({
  400: htmlOrProblem(
    'A query value is invalid or unknown; the page (or `errors`) names each one. HTML unless Accept prefers JSON.',
    ERROR_PAGE_EXAMPLE,
  ),
  ...(notFound
    ? {
        404: htmlOrProblem(
          notFound,
          ERROR_PAGE_EXAMPLE.replace('This embed link is not valid', 'There is nothing to embed at this address'),
        ),
      }
    : {}),
});

export const EMBED_PAGE_EXAMPLE =
  '<!doctype html>\n<html lang="en" data-theme="light" data-layout="full">\n<head>…<title>Emotional withdrawal: Coping strategies</title>\n<link rel="alternate" type="application/json+oembed" href="https://api.example.org/oembed?url=…&amp;format=json" title="…">…</head>\n<body>\n<header><h1>Emotional withdrawal</h1>…</header>\n<aside class="crisis" aria-labelledby="crisis-heading"><h2 id="crisis-heading">If you need help now</h2>…</aside>\n<main><section aria-labelledby="section-0"><h2 id="section-0">Coping strategies</h2><ul class="items"><li class="item"><h3><a href="https://api.example.org/v1/strategies/journaling" …>Journaling</a></h3><p>Journaling means writing down your thoughts and feelings…</p><p class="based-on">Based on: <cite>…</cite></p>…</li>…</ul></section></main>\n<footer><p class="disclaimer"><strong>Please note:</strong> This content is for general education only…</p>…</footer>\n</body>\n</html>\n';
