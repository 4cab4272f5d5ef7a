import { type Html, html, raw } from '../embed/html.js';
import { kindLine } from '../embed/sections.js';
import { canonicalUrl } from '../http/canonical.js';
import { pageLinks } from '../http/paging.js';
import type { HelpEntry } from '../repositories/help-repository.js';
import type { Topic } from '../repositories/content-repository.js';
import { type SearchPageQuery, searchPageQuery } from '../schemas/pages.js';
import { defaultsOf } from '../schemas/queries.js';
import { MARK_END, MARK_START, snippetHtml } from '../search/snippet.js';
import type { FoundHit, SearchAnswer } from '../snapshot/search-answer.js';
import { directoryAdvice, emergencyAdvice, HELP_PAGE_TITLE, line } from './help.js';
import { page, type PageContext, to } from './render.js';
import { SEARCH_PAGE_PATH, searchForm } from './search-form.js';

// The search page for people (/search?q=…): the JSON search's answer as a page. When the query
// suggests the reader may be at risk, the help block comes first, before any result; when nothing
// matches well, the page says so and points to the topics and to help.

const DEFAULTS = defaultsOf(searchPageQuery);

export interface SearchPageData {
  query: SearchPageQuery;
  /** The search's answer; undefined when there was nothing to search for (no query, or no word in it). */
  answer: SearchAnswer | undefined;
  /** Every topic, for a page without a query: places to start reading. */
  topics: readonly Topic[];
  /** The help directory entry of the reader's region, or the international one. */
  help: HelpEntry;
}

/** The help block a query that suggests risk gets first: what to do now, every line of the region, the help page. */
function urgentHelp(help: HelpEntry, ctx: PageContext): Html {
  const helpPage = canonicalUrl('/help', { region: help.region ? ctx.options.region : undefined });
  return html`<section class="urgent-help" aria-labelledby="urgent-heading">
<h2 id="urgent-heading">Get help now</h2>
<p><strong>If you might harm yourself, or you or someone else is in danger:</strong> you do not have to face it alone. Talk to someone now.</p>
${emergencyAdvice(help)}
${help.lines.length ? html`<ul class="items">${help.lines.map(line)}</ul>\n` : ''}${help.directory ? html`${directoryAdvice(help.directory)}\n` : ''}<p><a href="${helpPage}">${HELP_PAGE_TITLE}</a>: every crisis line and what to do in an emergency.</p>
</section>
`;
}

const typeLabel = (hit: FoundHit) => (hit.item.type === 'topic' ? 'Topic' : kindLine(hit.item));

/**
 * The passage a hit matched in, unless it adds nothing: a snippet without a match is the opening
 * of the summary, and one cut from the summary repeats it. None when the query suggests risk: a
 * passage cut around the reader's own words ("kill", "pills") is not what they should meet next.
 */
function snippetOf(hit: FoundHit, atRisk: boolean): Html | '' {
  if (atRisk || !hit.snippet.includes(MARK_START)) return '';
  const text = hit.snippet
    .replaceAll(MARK_START, '')
    .replaceAll(MARK_END, '')
    .replace(/^\u2026|\u2026$/g, '');
  if (hit.item.summary.includes(text)) return '';
  return html`\n<p class="snippet">${raw(snippetHtml(hit.snippet))}</p>`;
}

function result(hit: FoundHit, atRisk: boolean, ctx: PageContext): Html {
  const { item } = hit;
  const href = item.type === 'topic' ? to(ctx, 'topics', item.slug) : to(ctx, item.collection, item.slug);
  const snippet = snippetOf(hit, atRisk);
  return html`<li class="item"><p class="kind">${typeLabel(hit)}</p>
<h3><a href="${href}">${item.title}</a></h3>
<p>${item.summary}</p>${snippet}</li>`;
}

function paging(query: SearchPageQuery, total: number): Html | '' {
  const { limit, offset } = query;
  if (total <= limit) return '';
  const links = pageLinks(SEARCH_PAGE_PATH, query, DEFAULTS, total, limit, offset);
  const pages = Math.ceil(total / limit);
  return html`<nav class="paging" aria-label="Result pages"><ul>${[
    links.prev ? html`<li><a href="${links.prev}" rel="prev">Previous results</a></li>` : '',
    html`<li>Page ${Math.floor(offset / limit) + 1} of ${pages}</li>`,
    links.next ? html`<li><a href="${links.next}" rel="next">More results</a></li>` : '',
  ]}</ul></nav>
`;
}

function results(answer: SearchAnswer, query: SearchPageQuery, ctx: PageContext): Html | '' {
  if (!answer.hits.length && answer.total > 0) {
    // A link past the last page (an old bookmark, a hand-edited offset): lead back to the results.
    const { first } = pageLinks(SEARCH_PAGE_PATH, query, DEFAULTS, answer.total, query.limit, query.offset);
    return html`<p>There are no more results. <a href="${first}">Back to the first results</a>.</p>\n`;
  }
  if (!answer.hits.length) return '';
  const first = query.offset + 1;
  const last = query.offset + answer.hits.length;
  return html`<section aria-labelledby="results-heading">
<h2 id="results-heading">${answer.total === 1 ? '1 result' : `${answer.total} results`}</h2>
<p class="meta">Showing ${first === last ? first : `${first} to ${last}`} of ${answer.total}, best match first.</p>
<ol class="items" start="${first}">${answer.hits.map((hit) => result(hit, answer.crisis.detected, ctx))}</ol>
${paging(query, answer.total)}</section>
`;
}

const topicList = (topics: readonly Topic[], ctx: PageContext) =>
  html`<ul class="items">${topics.map(
    (t) => html`<li class="item"><h3><a href="${to(ctx, 'topics', t.slug)}">${t.title}</a></h3>
<p>${t.summary}</p></li>`,
  )}</ul>`;

/** Where to go when nothing matched well: said plainly, then the topics and where to find support. */
function suggestions(answer: SearchAnswer, help: HelpEntry, ctx: PageContext): Html | '' {
  if (!answer.suggestions) return '';
  const helpPage = canonicalUrl('/help', { region: help.region ? ctx.options.region : undefined });
  return html`<section aria-labelledby="suggestions-heading">
<h2 id="suggestions-heading">Start from a topic</h2>
${topicList(answer.suggestions.topics, ctx)}
<p>Looking for someone to talk to? <a href="${helpPage}">Find a helpline or support service</a>.</p>
</section>
`;
}

// What the search made of the query, in plain words: a correction, or that nothing matched well.
function summary(answer: SearchAnswer, q: string): Html {
  const correction = answer.correctedQuery
    ? html`<p class="correction">Showing results for <strong>${answer.correctedQuery}</strong> (you searched for &ldquo;${q}&rdquo;).</p>\n`
    : '';
  const reason = answer.suggestions?.reason;
  const match =
    reason === 'no-results'
      ? html`<p>Nothing matched &ldquo;${q}&rdquo;. Try other words, or start from one of the topics below.</p>\n`
      : reason === 'weak-match'
        ? html`<p>Nothing matched &ldquo;${q}&rdquo; closely. The nearest pages are below; you could also start from one of the topics.</p>\n`
        : '';
  return html`${correction}${match}`;
}

export function renderSearchPage(data: SearchPageData, ctx: PageContext): string {
  const { query, answer, help } = data;
  const q = query.q?.trim() ?? '';
  const main = answer
    ? html`${answer.crisis.detected ? urgentHelp(help, ctx) : ''}${summary(answer, q)}${results(answer, query, ctx)}${suggestions(answer, help, ctx)}`
    : html`${q ? html`<p>Type a word or two to search for, such as &ldquo;numb&rdquo; or &ldquo;pulling away from friends&rdquo;.</p>\n` : ''}<section aria-labelledby="topics-heading">
<h2 id="topics-heading">Topics</h2>
${topicList(data.topics, ctx)}
</section>`;
  const pageNumber = answer && query.offset >= query.limit ? ` (page ${Math.floor(query.offset / query.limit) + 1})` : '';
  return page(ctx, {
    path: canonicalUrl(SEARCH_PAGE_PATH, { q: q || undefined, type: query.type, limit: query.limit, offset: query.offset }, DEFAULTS),
    title: q ? `Search results for \u201c${q}\u201d${pageNumber}` : 'Search',
    search: searchForm(ctx.options, q),
    // A page of results answers one request's words: search engines should index the pages it links to.
    indexable: !q,
    main,
  });
}
