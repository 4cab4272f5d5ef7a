import type { ParameterError } from '../http/problems.js';
import { type Html, html } from './html.js';
import { type Notices, shell } from './page.js';

/** What an error page says, per family of pages (embeds, pages for people). */
export interface ErrorTexts {
  headings: Record<number, string>;
  fallback: string;
  /** Where to go instead. */
  hint: Html;
  /** The family's style sheet (its CSP admits only that one); the embeds' by default. */
  css?: string;
}

export const EMBED_ERROR_TEXTS: ErrorTexts = {
  headings: {
    400: 'This embed link is not valid',
    404: 'There is nothing to embed at this address',
    405: 'This address only answers GET requests',
  },
  fallback: 'This embed cannot be shown',
  hint: html`<p>To make a working link, use the <a href="/embed">embed builder</a>.</p>`,
};

/**
 * A readable 4xx page for an iframe or a browser. Messages are our own sentences (values in
 * them are cut short and escaped); the requested URL itself is never echoed back.
 */
export function renderErrorPage(
  status: number,
  detail: string,
  errors: ParameterError[] | undefined,
  notices: Notices,
  texts: ErrorTexts = EMBED_ERROR_TEXTS,
): string {
  const heading = texts.headings[status] ?? texts.fallback;
  return shell({
    lang: 'en',
    theme: 'light',
    title: `${heading} (error ${status})`,
    css: texts.css,
    notices,
    header: html`<h1>${heading}</h1>`,
    main: html`<p>${detail}</p>
${errors?.length ? html`<ul class="errors">${errors.map((e) => html`<li><strong>${e.name}</strong>: ${e.detail}</li>`)}</ul>` : ''}
${texts.hint}`,
    footer: html`<p>Error ${status}.</p>`,
  });
}
