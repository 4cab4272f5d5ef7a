import { PROJECT_NAME } from '../content/licence.js';
import { pagePathOf } from '../content/paths.js';
import { entryOf, typeInfoOf } from '../content/types.js';
import { facetLabel } from '../content/vocabulary.js';
import { canonicalUrl } from '../http/canonical.js';
import type { ContentRecord, SourceRef } from '../repositories/content-repository.js';
import { type EmbedDocument, recordsOf } from './documents.js';
import { type Html, html, safeHttpUrl } from './html.js';
import { type Notices, shell } from './page.js';

export const PROVIDER_NAME = PROJECT_NAME;

const NEW_TAB = html`<span class="vh"> (opens in a new tab)</span>`;
export const link = (href: string, text: string | Html) =>
  html`<a href="${href}" target="_blank" rel="noopener noreferrer">${text}${NEW_TAB}</a>`;

// A formatter per locale, built once: constructing one costs more than rendering an item.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Dates as "22 November 2026" unless `lang` names an English variant with its own order (en-US). */
export function formatDate(iso: string, lang: string): Html {
  const locale = /^en-/i.test(lang) ? lang : 'en-GB';
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    if (formatters.size < 100) formatters.set(locale, formatter);
  }
  const text = formatter.format(new Date(`${iso}T00:00:00Z`));
  return html`<time datetime="${iso}">${text}</time>`;
}

/** A citation, linked to its DOI or http(s) URL when it has one; otherwise plain text. */
export function citation(source: SourceRef, text = source.citation): Html {
  const url = safeHttpUrl(source.doi ? `https://doi.org/${source.doi}` : source.url);
  return url ? html`<cite>${link(url, text)}</cite>` : html`<cite>${text}</cite>`;
}

// Citations are sentences; in a run, all but the last lose their full stop to the semicolon.
const basedOn = (sources: SourceRef[]) =>
  html`<p class="based-on">Based on: ${sources.map((s, i) =>
    i < sources.length - 1 ? html`${citation(s, s.citation.replace(/\.$/, ''))}; ` : citation(s),
  )}</p>`;

/** A full item's own text fields that the registry labels ("A first step: …"), in the entry's order. */
export function extras(record: ContentRecord): Html {
  return html`${Object.entries(entryOf(record.collection).extra).map(([name, field]) => {
    const value = record.facets[name];
    return field.embedLabel && value ? html`<p><strong>${field.embedLabel}:</strong> ${value}</p>` : '';
  })}`;
}

/** What a record standing alone is: its kind, then the label of its type's first facet ("Coping strategy · Relapse prevention"). */
export function kindLine(record: ContentRecord): string {
  const info = typeInfoOf(record.collection);
  const facet = info.facets[0];
  const value = facet && record.facets[facet];
  const label = value ? facetLabel(record.collection, facet, value) : undefined;
  return label ? `${info.itemLabel} · ${label}` : info.itemLabel;
}

/** One record. In a hand-picked list it stands alone (h2, with its kind); in a section it is an h3. */
function item(record: ContentRecord, doc: EmbedDocument, origin: string, standalone: boolean): Html {
  const full = doc.options.layout === 'full';
  // The record's page for people (never its JSON), with the reader's region for its crisis box.
  const heading = link(
    `${origin}${canonicalUrl(pagePathOf(record.collection, record.slug), { region: doc.options.region })}`,
    record.title,
  );
  return html`<li class="item">
${standalone ? html`<p class="kind">${kindLine(record)}</p><h2>${heading}</h2>` : html`<h3>${heading}</h3>`}
<p>${record.summary}</p>
${full ? html`${extras(record)}${basedOn(record.sources)}<p class="meta">Reviewed ${formatDate(record.reviewedAt, doc.options.lang)}</p>` : ''}
</li>`;
}

function groups(doc: EmbedDocument, origin: string): Html {
  return html`${doc.groups.map((g, i) =>
    g.heading === null
      ? html`<ul class="items">${g.records.map((r) => item(r, doc, origin, true))}</ul>`
      : html`<section aria-labelledby="section-${i}">
<h2 id="section-${i}">${g.heading}</h2>
${g.records.length ? html`<ul class="items">${g.records.map((r) => item(r, doc, origin, false))}</ul>` : html`<p>Nothing in this section yet.</p>`}
</section>
`,
  )}`;
}

/**
 * Every source once, after the items: shown in the compact layout, and in print for both
 * layouts (where the per-item lines give way to it, to keep a handout to one or two pages).
 */
function sourceList(doc: EmbedDocument): Html {
  const unique = new Map<string, SourceRef>();
  for (const r of recordsOf(doc)) for (const s of r.sources) unique.set(s.slug, s);
  return html`<section class="all-sources" aria-labelledby="sources-heading">
<h2 id="sources-heading">Based on</h2>
<ul class="sources">${[...unique.values()].map((s) => html`<li>${citation(s)}</li>`)}</ul>
</section>`;
}

function reviewLine(doc: EmbedDocument): Html {
  const records = recordsOf(doc);
  if (records.length === 0) return html``;
  // The oldest review and the earliest next review: the honest summary of the whole page.
  const [reviewed = ''] = records.map((r) => r.reviewedAt).sort();
  const [next = ''] = records.map((r) => r.nextReviewAt).sort();
  return html`<p>Content reviewed ${formatDate(reviewed, doc.options.lang)}; next review due ${formatDate(next, doc.options.lang)}.</p>`;
}

/** The complete embed page. `origin` makes every link absolute, since it is shown on other sites. */
export function renderEmbed(doc: EmbedDocument, origin: string, notices: Notices, discovery: Html): string {
  const { theme, lang, layout } = doc.options;
  const fullContent = doc.fullContentPath ? `${origin}${doc.fullContentPath}` : null;
  return shell({
    lang,
    theme,
    layout,
    title: doc.title,
    head: discovery,
    notices,
    header: html`<h1>${doc.heading}</h1>${doc.intro && layout === 'full' ? html`\n<p class="intro">${doc.intro}</p>` : ''}`,
    main: html`${groups(doc, origin)}${recordsOf(doc).length ? sourceList(doc) : ''}`,
    footer: html`${reviewLine(doc)}
<p>${fullContent ? html`Full content: ${link(fullContent, fullContent)}. ` : ''}Provided by ${link(`${origin}/docs`, PROVIDER_NAME)}.</p>`,
  });
}
