import { type Html, html } from '../embed/html.js';
import type { PageQuery } from '../schemas/pages.js';
import { MAX_QUERY_LENGTH } from '../search/query.js';

export const SEARCH_PAGE_PATH = '/search';

/**
 * The search form, at the top of the search page and of the topic index. It sends the reader's
 * region and theme along (defaults left out, as links do), so the results page keeps their crisis
 * lines and colours. A plain GET form: it works without scripts.
 */
export function searchForm(options: PageQuery, q = ''): Html {
  const kept = [
    options.region ? html`<input type="hidden" name="region" value="${options.region}">` : '',
    options.theme === 'auto' ? '' : html`<input type="hidden" name="theme" value="${options.theme}">`,
  ];
  return html`<form class="search-form" role="search" action="${SEARCH_PAGE_PATH}" method="get">
<label for="search-q">Search topics, signs, strategies and questions</label>
<div class="search-row"><input id="search-q" name="q" type="search" value="${q}" maxlength="${MAX_QUERY_LENGTH}" autocomplete="off"><button type="submit">Search</button></div>
${kept}</form>`;
}
