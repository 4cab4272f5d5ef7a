import { type Html, html, raw, safeHttpUrl } from '../embed/html.js';
import { formatDate, link } from '../embed/sections.js';
import { canonicalUrl } from '../http/canonical.js';
import type { HelpServiceKind } from '../content/help-directory.js';
import type { HelpEntry, HelpLine, HelpService } from '../repositories/help-repository.js';
import { page, type PageContext } from './render.js';

// The help directory as a page for people (/help?region=GB): what to do in an emergency, the
// region's crisis lines with how to reach each, when to see a doctor, and every fact with the
// official page it was checked against. The page an infobutton or CDS card links to when a
// record names suicidal thoughts, self-harm or a suicide attempt.

export const HELP_PAGE_TITLE = 'Help in a crisis';

type Source = HelpEntry['emergency']['sources'] extends (infer S)[] | undefined ? S : never;

const checked = (sources: readonly Source[] | undefined, reviewedAt: string | undefined) =>
  sources?.length
    ? html`<p class="meta">Checked against ${sources.map((s, i) => html`${i ? '; ' : ''}${link(s.url, `${s.title} (${s.publisher})`)}`)}${
        reviewedAt ? html` on ${formatDate(reviewedAt, 'en')}` : ''
      }.</p>`
    : '';

// A number a phone can dial from the page: digits and a leading + only.
const dial = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, '')}`;

// Headings for the kinds of non-crisis help, in the words of someone looking for it.
export const SERVICE_HEADINGS: Record<HelpServiceKind, string> = {
  'domestic-abuse': 'If someone at home hurts, controls or frightens you',
  'child-protection': 'If you are worried about a child',
  'talking-therapy': 'Talking therapy',
};

/** What to do in an emergency, the number first and dialable. */
export const emergencyAdvice = (entry: HelpEntry): Html =>
  html`<p>${entry.emergency.number ? html`<strong>Call <a href="${dial(entry.emergency.number)}">${entry.emergency.number}</a>.</strong> ` : ''}${entry.emergency.text}</p>`;

/** The verified helpline directory, for readers whose country has no lines of its own here. */
export const directoryAdvice = (directory: NonNullable<HelpEntry['directory']>): Html =>
  html`<p>${link(directory.url, directory.name)}: ${directory.text}</p>`;

/** A line or service with every way to reach it; under a kind's heading (services), its name is one level lower. */
export function line(l: HelpLine | HelpService): Html {
  const site = safeHttpUrl(l.chat ?? l.web);
  return html`<li class="item">
${'kind' in l ? html`<h4>${l.name}</h4>` : html`<h3>${l.name}</h3>`}
<ul class="help-list">${[
    l.areas?.length ? html`<li>For: ${l.areas.join(', ')}</li>` : '',
    l.phone ? html`<li>Call <a href="${dial(l.phone)}">${l.phone}</a></li>` : '',
    l.text ? html`<li>${/^\d[\d ]*$/.test(l.text) ? `Text ${l.text}` : l.text}</li>` : '',
    site ? html`<li>${link(site, l.chat ? 'Chat online' : 'Website')}</li>` : '',
    l.hours ? html`<li>Open: ${l.hours}</li>` : '',
    l.cost ? html`<li>Cost: ${l.cost}</li>` : '',
  ]}</ul>
<p>${l.audience}</p>
${checked(l.sources, l.reviewedAt)}
</li>`;
}

// Other support by kind, each kind under its own heading, in the order the directory lists kinds.
function services(list: readonly HelpService[]): Html | '' {
  if (!list.length) return '';
  const kinds = Object.keys(SERVICE_HEADINGS) as HelpServiceKind[];
  return html`<section aria-labelledby="services-heading">
<h2 id="services-heading">Other support</h2>
${kinds
  .filter((kind) => list.some((s) => s.kind === kind))
  .map(
    (kind) => html`<h3 id="services-${kind}">${SERVICE_HEADINGS[kind]}</h3>
<ul class="items">${list.filter((s) => s.kind === kind).map(line)}</ul>
`,
  )}</section>
`;
}

export interface HelpPageData {
  entry: HelpEntry;
  /** The region asked for, when it is covered. */
  region?: string;
  /** Every covered region, with its name, for the links to other countries. */
  regions: readonly { region: string; name: string }[];
  message: string;
}

/** The help directory page of one region (or the international one). */
export function renderHelpPage(data: HelpPageData, ctx: PageContext): string {
  const { entry } = data;
  const directory = entry.directory;
  const others = [
    ...data.regions.map((r) => ({ href: canonicalUrl('/help', { region: r.region }), name: r.name })),
    { href: '/help', name: 'Anywhere else' },
  ];
  return page(ctx, {
    path: canonicalUrl('/help', { region: data.region }),
    title: entry.region ? `${HELP_PAGE_TITLE}: ${entry.name}` : HELP_PAGE_TITLE,
    intro: data.message,
    main: html`<section aria-labelledby="emergency-heading">
<h2 id="emergency-heading">In an emergency</h2>
${emergencyAdvice(entry)}
${checked(entry.emergency.sources, entry.emergency.reviewedAt)}
</section>
${
  entry.lines.length
    ? html`<section aria-labelledby="lines-heading">
<h2 id="lines-heading">Crisis lines</h2>
<ul class="items">${entry.lines.map(line)}</ul>
</section>
`
    : ''
}${
      directory
        ? html`<section aria-labelledby="directory-heading">
<h2 id="directory-heading">Find a helpline in your country</h2>
${directoryAdvice(directory)}
${checked(directory.sources, directory.reviewedAt)}
</section>
`
        : ''
    }${services(entry.services)}<section aria-labelledby="doctor-heading">
<h2 id="doctor-heading">When to see a doctor</h2>
<div class="body">${raw(ctx.bodyHtml(`help/${entry.slug}`, entry.doctor.text))}</div>
${checked(entry.doctor.sources, entry.doctor.reviewedAt)}
</section>
<section aria-labelledby="regions-heading">
<h2 id="regions-heading">Other countries</h2>
<ul class="topics-of">${others.map((o) => html`<li><a href="${o.href}">${o.name}</a></li>`)}</ul>
</section>
<section class="review" aria-labelledby="review-heading">
<h2 id="review-heading">Review</h2>
<p>Checked ${formatDate(entry.reviewedAt, 'en')}; next check due ${formatDate(entry.nextReviewAt, 'en')}.</p>
</section>`,
  });
}
