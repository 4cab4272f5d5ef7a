import { pagePathOf } from '../content/paths.js';
import { CONTENT_TYPES } from '../content/types.js';
import type { REVIEW_TYPES } from '../content/vocabulary.js';
import { type Html, html, raw } from '../embed/html.js';
import { type Notices, shell } from '../embed/page.js';
import { citation, extras, formatDate, kindLine, PROVIDER_NAME } from '../embed/sections.js';
import { BASE_CSS, PAGE_CSS, styleHash } from '../embed/styles.js';
import { canonicalUrl } from '../http/canonical.js';
import { FAQ_LIST_NAME, type JsonLdDocument, jsonLdText, TOPICS_INDEX_NAME } from '../snapshot/jsonld.js';
import type { CodeRef } from '../repositories/codes-repository.js';
import type { ContentRecord, Source, SourceRef, Topic } from '../repositories/content-repository.js';
import type { RecordCollection } from '../content/registry.js';
import type { PageQuery } from '../schemas/pages.js';
import type { HelpEntry } from '../repositories/help-repository.js';
import { searchForm } from './search-form.js';
import { relatedSection, signpostsSection } from './signposts.js';

// Pages for people: one accessible, script-free HTML document per topic, record and source, plus
// the topic and FAQ indexes. They share the embeds' shell (crisis box first, disclaimer in the
// footer) and style sheet, and carry the same schema.org JSON-LD the API answers.

export const PAGE_STYLES = `${BASE_CSS}\n${PAGE_CSS}`;

/** No scripts at all (default-src 'none' covers them; JSON-LD is a data block, not run), one hashed style sheet, forms to this site only. */
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src ${styleHash(PAGE_STYLES)}`,
  "img-src 'self' data:",
  "base-uri 'none'",
  // The search form submits to this site only (a GET to /search).
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const REVIEW_TEXT: Record<(typeof REVIEW_TYPES)[number], string> = {
  editorial:
    'Editorial review only: checked against the cited sources for accuracy, plain language and safe framing. No clinical review has taken place.',
};

export interface PageContext {
  origin: string;
  options: PageQuery;
  notices: Notices;
  /** A topic's or record's body as sanitised HTML (memoised by the presenter). */
  bodyHtml: (key: string, markdown: string) => string;
  /** The clinical codes a topic (type `topic`) or record serves. */
  codesOf: (type: string, slug: string) => readonly CodeRef[];
  /** The help directory entry of the page's region, when it is covered (for signposts). */
  help: HelpEntry | undefined;
  /** The title of a related record, by its `collection/slug`. */
  titleOf: (ref: string) => string;
}

// What the record points to (help by kind) and what to read next, after its body.
const nextSteps = (item: Topic | ContentRecord, ctx: PageContext) =>
  html`${signpostsSection(item.signposts, { help: ctx.help, region: ctx.options.region })}${relatedSection(
    item.related.map((ref) => {
      const [collection = '', slug = ''] = ref.split('/');
      return { href: to(ctx, collection, slug), title: ctx.titleOf(ref) };
    }),
  )}`;

/** A link to another page, keeping the reader's theme and region (defaults left out). */
export const to = (ctx: PageContext, collection: string, slug?: string) =>
  canonicalUrl(pagePathOf(collection, slug), {
    theme: ctx.options.theme === 'auto' ? undefined : ctx.options.theme,
    region: ctx.options.region,
  });

export interface PageParts {
  path: string;
  title: string;
  kind?: string;
  intro?: string;
  main: Html;
  /** The page's schema.org description, when it has one. */
  jsonLd?: JsonLdDocument;
  /** Whether search engines may index it (default: yes; answers to one request's parameters: no). */
  indexable?: boolean;
  /** A search form under the heading (the search page, the topic index). */
  search?: Html;
}

/** A page for people: site navigation, heading, crisis box, main content, disclaimer and licence. */
export function page(ctx: PageContext, p: PageParts): string {
  // The JSON-LD is data, not script: its text escapes `<`, so nothing in it can end the element.
  const head = html`<link rel="canonical" href="${ctx.origin}${p.path}">
${
  p.jsonLd
    ? html`<script type="application/ld+json">${raw(jsonLdText(p.jsonLd))}</script>
`
    : ''
}`;
  return shell({
    lang: 'en',
    theme: ctx.options.theme,
    title: p.title,
    css: PAGE_STYLES,
    head,
    notices: ctx.notices,
    indexable: p.indexable ?? true,
    header: html`<nav aria-label="Site"><ul><li><a href="${to(ctx, 'topics')}">All topics</a></li><li><a href="${to(ctx, 'faqs')}">${FAQ_LIST_NAME}</a></li><li><a href="${to(ctx, 'search')}">Search</a></li></ul></nav>
${p.kind ? html`<p class="kind">${p.kind}</p>\n` : ''}<h1>${p.title}</h1>${p.intro ? html`\n<p class="intro">${p.intro}</p>` : ''}${p.search ? html`\n${p.search}` : ''}`,
    main: p.main,
    footer: html`<p>Provided by <a href="${ctx.origin}/docs">${PROVIDER_NAME}</a>.</p>`,
  });
}

const sourcesSection = (sources: SourceRef[], ctx: PageContext) => html`<section class="page-sources" aria-labelledby="sources-heading">
<h2 id="sources-heading">Based on</h2>
<ul class="sources">${sources.map(
  (s) =>
    html`<li>${citation(s)} <a href="${to(ctx, 'sources', s.slug)}">About this source</a>${s.supports ? html`<p class="supports"><strong>What this source supports:</strong> ${s.supports}</p>` : ''}</li>`,
)}</ul>
</section>`;

// "Used for: Z60.2 Problems related to living alone": the codes a clinical system can reach the page by.
const codesSection = (codes: readonly CodeRef[]) =>
  codes.length
    ? html`<section class="codes" aria-labelledby="codes-heading">
<h2 id="codes-heading">Clinical codes</h2>
<p>Health records can link here for these ${codes[0]?.system ?? ''} codes (education, not a diagnosis). Used for:</p>
<ul class="codes-list">${codes.map((c) => html`<li><strong>${c.code}</strong> ${c.title}</li>`)}</ul>
</section>
`
    : '';

const reviewSection = (item: Topic | ContentRecord) => html`<section class="review" aria-labelledby="review-heading">
<h2 id="review-heading">Review</h2>
<p>Reviewed ${formatDate(item.reviewedAt, 'en')}; next review due ${formatDate(item.nextReviewAt, 'en')}.</p>
<p>${REVIEW_TEXT[item.reviewType]}</p>
</section>`;

const itemList = (records: readonly ContentRecord[], ctx: PageContext, heading: 'h2' | 'h3') =>
  html`<ul class="items">${records.map(
    (
      r,
    ) => html`<li class="item">${heading === 'h2' ? html`<h2><a href="${to(ctx, r.collection, r.slug)}">${r.title}</a></h2>` : html`<h3><a href="${to(ctx, r.collection, r.slug)}">${r.title}</a></h3>`}
<p>${r.summary}</p></li>`,
  )}</ul>`;

export function renderTopicPage(
  topic: Topic,
  related: Record<RecordCollection, ContentRecord[]>,
  jsonLd: JsonLdDocument,
  ctx: PageContext,
): string {
  const sections = CONTENT_TYPES.filter(({ collection }) => related[collection].length > 0).map(
    ({ collection, label }) => html`<section aria-labelledby="section-${collection}">
<h2 id="section-${collection}">${label}</h2>
${itemList(related[collection], ctx, 'h3')}
</section>
`,
  );
  const comparisons = topic.comparisons.map(
    (c) =>
      html`<li><strong>${c.topic ? html`<a href="${to(ctx, 'topics', c.topic.slug)}">${c.topic.title}</a>` : c.concept}</strong>: ${c.text}</li>`,
  );
  return page(ctx, {
    path: pagePathOf('topics', topic.slug),
    title: topic.title,
    kind: 'Topic',
    intro: topic.summary,
    jsonLd,
    main: html`<section aria-labelledby="definition-heading">
<h2 id="definition-heading">What it is</h2>
<p>${topic.definition}</p>
</section>
<section aria-labelledby="points-heading">
<h2 id="points-heading">Key points</h2>
<ul class="points">${topic.keyPoints.map((k) => html`<li>${k}</li>`)}</ul>
</section>
<div class="body">${raw(ctx.bodyHtml(`topics/${topic.slug}`, topic.body))}</div>
${nextSteps(topic, ctx)}${
      comparisons.length
        ? html`<section aria-labelledby="differs-heading">
<h2 id="differs-heading">How it differs</h2>
<ul class="points">${comparisons}</ul>
</section>
`
        : ''
    }${sections}${codesSection(ctx.codesOf('topic', topic.slug))}${sourcesSection(topic.sources, ctx)}
${reviewSection(topic)}`,
  });
}

export function renderRecordPage(record: ContentRecord, jsonLd: JsonLdDocument, ctx: PageContext): string {
  return page(ctx, {
    path: pagePathOf(record.collection, record.slug),
    title: record.title,
    kind: kindLine(record),
    intro: record.summary,
    jsonLd,
    main: html`${extras(record)}
<div class="body">${raw(ctx.bodyHtml(`${record.collection}/${record.slug}`, record.body))}</div>
${nextSteps(record, ctx)}<section aria-labelledby="topics-heading">
<h2 id="topics-heading">Topics</h2>
<ul class="topics-of">${record.topics.map((t) => html`<li><a href="${to(ctx, 'topics', t.slug)}">${t.title}</a>${t.note ? html`: ${t.note}` : ''}</li>`)}</ul>
</section>
${codesSection(ctx.codesOf(record.type, record.slug))}${sourcesSection(record.sources, ctx)}
${reviewSection(record)}`,
  });
}

export function renderSourcePage(source: Source, jsonLd: JsonLdDocument, ctx: PageContext): string {
  const people = (label: string, names: string[]) => (names.length ? html`<p><strong>${label}:</strong> ${names.join('; ')}</p>` : '');
  return page(ctx, {
    path: pagePathOf('sources', source.slug),
    title: source.title,
    kind: 'Source',
    jsonLd,
    main: html`<section aria-labelledby="citation-heading">
<h2 id="citation-heading">Citation</h2>
<p>${citation(source)}</p>
<p><strong>Publisher:</strong> ${source.publisher}</p>
${people('Authors', source.authors)}${people('Editors', source.editors)}
</section>
<section aria-labelledby="use-heading">
<h2 id="use-heading">How the content uses it</h2>
<p>${source.description}</p>
</section>`,
  });
}

export function renderFaqList(faqs: readonly ContentRecord[], jsonLd: JsonLdDocument, ctx: PageContext): string {
  return page(ctx, { path: pagePathOf('faqs'), title: FAQ_LIST_NAME, jsonLd, main: itemList(faqs, ctx, 'h2') });
}

export function renderTopicsIndex(topics: readonly Topic[], jsonLd: JsonLdDocument, ctx: PageContext): string {
  return page(ctx, {
    path: pagePathOf('topics'),
    title: TOPICS_INDEX_NAME,
    intro: 'Emotional isolation, withdrawal and detachment: what each is, its signs and causes, and what helps.',
    jsonLd,
    search: searchForm(ctx.options),
    main: html`<ul class="items">${topics.map(
      (t) => html`<li class="item"><h2><a href="${to(ctx, 'topics', t.slug)}">${t.title}</a></h2>
<p>${t.summary}</p></li>`,
    )}</ul>`,
  });
}
