import { z } from 'zod';
import { region } from './crisis.js';
import { htmlResponse, Theme } from './embeds.js';
import { Problem } from './common.js';
import { withExample } from './parameters.js';

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

/** The `slug` of a page, with an example of its collection's own. */
export const pageParams = (example: string) =>
  z.strictObject({ slug: withExample(z.string().max(200).describe('The stable slug, as in the API.'), example) });

export const PAGE_EXAMPLE =
  '<!doctype html>\n<html lang="en" data-theme="auto" data-layout="full">\n<head>…<title>Journaling</title>\n<link rel="canonical" href="https://api.example.org/strategies/journaling">\n<script type="application/ld+json">{"@context":"https://schema.org","@type":"MedicalWebPage",…}</script>…</head>\n<body>\n<header><nav aria-label="Site">…</nav>\n<p class="kind">Coping strategy</p>\n<h1>Journaling</h1>…</header>\n<aside class="crisis" aria-labelledby="crisis-heading">…</aside>\n<main>…<section class="page-sources" aria-labelledby="sources-heading"><h2 id="sources-heading">Based on</h2>…</section>…</main>\n<footer><p class="disclaimer"><strong>Please note:</strong> …</p>…</footer>\n</body>\n</html>\n';

const ERROR_PAGE_EXAMPLE =
  '<!doctype html>\n<html lang="en" data-theme="light" data-layout="full">…<h1>There is no page at this address</h1>…</html>';

const htmlOrProblem = (description: string) => ({
  description,
  content: { 'text/html': { schema: z.string().meta({ example: ERROR_PAGE_EXAMPLE }) }, 'application/problem+json': { schema: Problem } },
});

/** A page, or an HTML error page (problem+json when Accept prefers JSON). */
export const pageResponses = (description: string, notFound?: string) => ({
  200: htmlResponse(description, PAGE_EXAMPLE),
  400: htmlOrProblem('A query value is invalid; the page (or `errors`) names each one. HTML unless Accept prefers JSON.'),
  ...(notFound ? { 404: htmlOrProblem(notFound) } : {}),
});
