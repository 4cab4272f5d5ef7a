import { PROBLEM_TYPES, type ProblemTypeName, problemTypeUri } from '../content/problem-types.js';
import { html } from '../embed/html.js';
import { type Notices, shell } from '../embed/page.js';
import { PAGE_STYLES } from './render.js';

// The page a problem type URI answers (RFC 9457 §3.1.1): what the problem means and what to do,
// for the developer who meets it in a `type` member and follows it.

/** Backquoted names in the table's text as code. */
const withCode = (text: string) => text.split('`').map((part, i) => (i % 2 === 1 ? html`<code>${part}</code>` : part));

export function renderProblemPage(name: ProblemTypeName, notices: Notices): string {
  const problem = PROBLEM_TYPES[name];
  const status: number | null = problem.status;
  return shell({
    lang: 'en',
    theme: 'auto',
    title: `${problem.title} (problem type)`,
    css: PAGE_STYLES,
    notices,
    indexable: true,
    header: html`<p class="kind">Problem type</p>
<h1>${problem.title}</h1>`,
    main: html`<p>${withCode(problem.about)}</p>
<p>An error answer of this kind is <code>application/problem+json</code> (RFC 9457) with <code>"type": "${problemTypeUri(name)}"</code>${
      status === null ? '' : html` and <code>"status": ${status}</code>`
    }; its <code>detail</code> says what happened in this request.</p>
<p>All problem types and the operations that answer them are in the <a href="/docs">API documentation</a>.</p>`,
    footer: html`<p>Emotional Connection Content API.</p>`,
  });
}
