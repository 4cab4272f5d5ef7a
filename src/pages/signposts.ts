import type { HelpServiceKind, SignpostKind } from '../content/help-directory.js';
import { type Html, html } from '../embed/html.js';
import { canonicalUrl } from '../http/canonical.js';
import type { HelpEntry } from '../repositories/help-repository.js';
import { line, SERVICE_HEADINGS } from './help.js';

// What a record points its readers to, on its page: urgent help first, then each kind of support
// service. With a covered region the services are listed with how to reach them; without one the
// reader is sent to the help page, where they choose their country.

export interface SignpostContext {
  /** The help directory entry of the page's region, when it is covered. */
  help: HelpEntry | undefined;
  region: string | undefined;
}

export function signpostsSection(signposts: readonly SignpostKind[], ctx: SignpostContext): Html | '' {
  if (!signposts.length) return '';
  const helpPage = canonicalUrl('/help', { region: ctx.help ? ctx.region : undefined });
  const parts = signposts.map((kind) =>
    kind === 'urgent-help'
      ? html`<p><strong>If you might harm yourself, or you or someone else is in danger:</strong> <a href="${helpPage}">get help now</a> (crisis lines and what to do in an emergency).</p>
`
      : serviceKind(kind, ctx, helpPage),
  );
  return html`<section class="signposts" aria-labelledby="signposts-heading">
<h2 id="signposts-heading">Where to get help</h2>
${parts}</section>
`;
}

function serviceKind(kind: HelpServiceKind, ctx: SignpostContext, helpPage: string): Html {
  const services = ctx.help?.services.filter((s) => s.kind === kind) ?? [];
  if (!services.length)
    return html`<h3>${SERVICE_HEADINGS[kind]}</h3>
<p><a href="${helpPage}">Find this help where you live</a>.</p>
`;
  return html`<h3>${SERVICE_HEADINGS[kind]}</h3>
<ul class="items">${services.map(line)}</ul>
`;
}

/** A record to read next, as its page shows it. */
export interface RelatedLink {
  href: string;
  title: string;
}

export const relatedSection = (links: readonly RelatedLink[]): Html | '' =>
  links.length
    ? html`<section aria-labelledby="related-heading">
<h2 id="related-heading">Read next</h2>
<ul class="topics-of">${links.map((l) => html`<li><a href="${l.href}">${l.title}</a></li>`)}</ul>
</section>
`
    : '';
