import type { KnowledgeAnswer } from '../clinical/knowledge.js';
import type { ErrorTexts } from '../embed/error-page.js';
import { html } from '../embed/html.js';
import { formatDate } from '../embed/sections.js';
import { page, PAGE_STYLES, type PageContext, to } from './render.js';

// The infobutton's answer as a page, for electronic health records that open the infobutton URL
// in a window rather than reading a feed: the same entries, best first, each linking to its page.

export const INFOBUTTON_PAGE_TITLE = 'Suggested reading';

export const INFOBUTTON_ERROR_TEXTS: ErrorTexts = {
  headings: { 400: 'This reading request is not valid' },
  fallback: 'This reading request cannot be answered',
  hint: html`<p>The health record sent a link this service cannot read; its administrator can check the infobutton settings. You can still browse <a href="/topics">all topics</a>.</p>`,
  css: PAGE_STYLES,
};

/** The page for one infobutton answer; `selfPath` is the canonical request. */
export function renderInfobuttonPage(answer: KnowledgeAnswer, selfPath: string, ctx: PageContext): string {
  return page(ctx, {
    path: selfPath,
    title: INFOBUTTON_PAGE_TITLE,
    intro: answer.note,
    indexable: false,
    main: answer.entries.length
      ? html`<ul class="items">${answer.entries.map(
          (e) => html`<li class="item">
<h2><a href="${ctx.origin}${e.path}">${e.title}</a></h2>
<p>${e.summary}</p>
<p class="meta">${e.kind === 'help' ? 'Checked' : 'Reviewed'} ${formatDate(e.updated, 'en')}</p>
</li>`,
        )}</ul>`
      : html`<p>There is no reading for this request. You can browse <a href="${to(ctx, 'topics')}">all topics</a> instead.</p>`,
  });
}
