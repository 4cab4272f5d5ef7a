import { z } from 'zod';
import { region } from './crisis.js';
import { htmlResponse, Theme } from './embeds.js';
import { Problem } from './common.js';
import { withExample } from './parameters.js';
import { limit, offset } from './queries.js';
import { searchQuery } from './search.js';

// The pages for people take only presentation options: the colour theme and the reader's region
// (for the crisis box). Anything else is a 400 page, as for embeds.

export const pageQuery = z.strictObject({
  theme: withExample(
    Theme.default('auto').describe("Colour theme: `auto` (default: follows the reader's system setting), `light` or `dark`."),
    'dark',
  ),
  region,
});
export type PageQuery = z.output<typeof pageQuery>;

/**
 * The search page takes what the JSON search does for finding and paging (the same rules, so the
 * same 400s), and the page options. Without `q` it shows the form and the topics.
 */
export const searchPageQuery = pageQuery.extend({
  q: withExample(
    searchQuery.shape.q
      .optional()
      .describe(
        'What to search for, in plain words, as people say it (the JSON search reads it the same way). Empty or left out: the page shows the search form and the topics.',
      ),
    'how to stop pulling away from people',
  ),
  type: searchQuery.shape.type,
  limit,
  offset,
});
export type SearchPageQuery = z.output<typeof searchPageQuery>;

/** The `slug` of a page, with an example of its collection's own. */
export const pageParams = (example: string) =>
  z.strictObject({ slug: withExample(z.string().max(200).describe('The stable slug, as in the API.'), example) });

export const PAGE_EXAMPLE =
  '<!doctype html>\n<html lang="en" data-theme="auto" data-layout="full">\n<head>…<title>Journaling</title>\n<link rel="canonical" href="https://api.example.org/strategies/journaling">\n<script type="application/ld+json">{"@context":"https://schema.org","@type":"MedicalWebPage",…}</script>…</head>\n<body>\n<header><nav aria-label="Site">…</nav>\n<p class="kind">Coping strategy</p>\n<h1>Journaling</h1>…</header>\n<aside class="crisis" aria-labelledby="crisis-heading">…</aside>\n<main>…<section class="page-sources" aria-labelledby="sources-heading"><h2 id="sources-heading">Based on</h2>…</section>…</main>\n<footer><p class="disclaimer"><strong>Please note:</strong> …</p>…</footer>\n</body>\n</html>\n';

export const SEARCH_PAGE_EXAMPLE =
  '<!doctype html>\n<html lang="en" data-theme="auto" data-layout="full">\n<head>…<meta name="robots" content="noindex">…<title>Search results for “I feel so alone”</title>…</head>\n<body>\n<header><nav aria-label="Site">…</nav>\n<h1>Search results for “I feel so alone”</h1>\n<form class="search-form" role="search" action="/search" method="get">\n<label for="search-q">Search topics, signs, strategies and questions</label>…</form>\n</header>\n<aside class="crisis" aria-labelledby="crisis-heading">…</aside>\n<main>\n<section aria-labelledby="results-heading">\n<h2 id="results-heading">24 results</h2>…<ol class="items" start="1"><li class="item"><p class="kind">Topic</p>\n<h3><a href="/topics/emotional-isolation">Emotional isolation</a></h3>\n<p>Emotional isolation means you feel cut off and unseen inside, even when people are close by. It can get better.</p>\n<p class="snippet">…feeling <mark>alone</mark> even with others…</p></li>…</ol>\n<nav class="paging" aria-label="Result pages">…<a href="/search?q=I+feel+so+alone&amp;limit=20&amp;offset=20" rel="next">More results</a>…</nav>\n</section>\n</main>\n<footer>…</footer>\n</body>\n</html>\n';

const ERROR_PAGE_EXAMPLE =
  '<!doctype html>\n<html lang="en" data-theme="light" data-layout="full">…<h1>There is no page at this address</h1>…</html>';

const htmlOrProblem = (description: string) => ({
  description,
  content: { 'text/html': { schema: z.string().meta({ example: ERROR_PAGE_EXAMPLE }) }, 'application/problem+json': { schema: Problem } },
});

/** A page, or an HTML error page (problem+json when Accept prefers JSON). */
export const pageResponses = (description: string, notFound?: string, example = PAGE_EXAMPLE) => ({
  200: htmlResponse(description, example),
  400: htmlOrProblem('A query value is invalid; the page (or `errors`) names each one. HTML unless Accept prefers JSON.'),
  ...(notFound ? { 404: htmlOrProblem(notFound) } : {}),
});
