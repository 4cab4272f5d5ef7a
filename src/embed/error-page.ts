import type { ParameterError } from '../http/problems.js';
import { html } from './html.js';
import { type Notices, shell } from './page.js';

const HEADINGS: Record<number, string> = {
  400: 'This embed link is not valid',
  404: 'There is nothing to embed at this address',
  405: 'This address only answers GET requests',
};

/**
 * A readable 4xx page for an iframe or a browser. Messages are our own sentences (values in
 * them are cut short and escaped); the requested URL itself is never echoed back.
 */
export function renderErrorPage(status: number, detail: string, errors: ParameterError[] | undefined, notices: Notices): string {
  const heading = HEADINGS[status] ?? 'This embed cannot be shown';
  return shell({
    lang: 'en',
    theme: 'light',
    title: `${heading} (error ${status})`,
    notices,
    header: html`<h1>${heading}</h1>`,
    main: html`<p>${detail}</p>
${errors?.length ? html`<ul class="errors">${errors.map((e) => html`<li><strong>${e.name}</strong>: ${e.detail}</li>`)}</ul>` : ''}
<p>To make a working link, use the <a href="/embed">embed builder</a>.</p>`,
    footer: html`<p>Error ${status}.</p>`,
  });
}
