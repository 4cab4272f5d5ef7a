import { CONTENT_LICENSE, PROJECT_NAME } from '../content/licence.js';
import type { CrisisNoticeValue } from '../schemas/crisis.js';
import { type Html, html, raw, safeHttpUrl } from './html.js';
import { BASE_CSS, styleHash } from './styles.js';

export interface Notices {
  disclaimer: string;
  /** The same structured notice as `meta.crisis` in the API, for the page's region. */
  crisis: CrisisNoticeValue;
}

type CrisisLine = CrisisNoticeValue['lines'][number];

// A line in words a reader can act on without the API: "Samaritans: call 116 123 (24 hours …)".
function crisisLine(line: CrisisLine): Html {
  const ways = [
    line.phone ? `call ${line.phone}` : null,
    line.text ? (/^\d[\d ]*$/.test(line.text) ? `text ${line.text}` : line.text) : null,
  ]
    .filter((w): w is string => w !== null)
    .join(' or ');
  const site = safeHttpUrl(line.chat ?? line.web);
  return html`<li><strong>${line.name}</strong>${ways ? `: ${ways}` : ''}${line.hours ? ` (${line.hours})` : ''}${
    site
      ? html`. <a href="${site}" target="_blank" rel="noopener noreferrer">${line.chat ? 'Chat online' : 'Website'}<span class="vh"> (opens in a new tab)</span></a>`
      : ''
  }</li>`;
}

/** The crisis box: the message, what to do in an emergency, then the region's line or a directory. */
export function crisisBox(crisis: CrisisNoticeValue): Html {
  const directory = safeHttpUrl(crisis.directory);
  return html`<aside class="crisis" aria-labelledby="crisis-heading">
<h2 id="crisis-heading">If you need help now</h2>
<p>${crisis.message}</p>
<p>${crisis.emergency}</p>
${
  crisis.lines.length
    ? html`<ul class="crisis-lines">${crisis.lines.map(crisisLine)}</ul>
`
    : ''
}${
    directory
      ? html`<p>Find a free helpline in your country: <a href="${directory}" target="_blank" rel="noopener noreferrer">${directory}<span class="vh"> (opens in a new tab)</span></a></p>
`
      : ''
  }</aside>`;
}

export interface ShellParts {
  lang: string;
  theme: string;
  layout?: string;
  title: string;
  css?: string;
  head?: Html;
  header: Html;
  main: Html;
  footer: Html;
  notices: Notices;
  /** Pages for people may be indexed by search engines; embeds (copies on other sites) may not. */
  indexable?: boolean;
}

// The credit CC BY asks for, with the licence linked (meta.attribution in the API says the same).
const LICENSE_LINE = html`<p class="license">Content from the ${PROJECT_NAME}, licensed under <a href="${CONTENT_LICENSE.url}" rel="license noopener noreferrer" target="_blank">${CONTENT_LICENSE.name}<span class="vh"> (opens in a new tab)</span></a>. The cited sources keep their own authors' terms.</p>`;

/** Embed pages: no scripts at all, one hashed style sheet, framable from anywhere. */
export const EMBED_CSP = [
  "default-src 'none'",
  `style-src ${styleHash(BASE_CSS)}`,
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  'frame-ancestors *',
].join('; ');

/**
 * The document every HTML page shares: banner, crisis guidance right after it (so it is never
 * scrolled past), main content, and a footer with the disclaimer and the licence. Each page must
 * carry all three.
 * The empty data: icon stops browsers asking for /favicon.ico: the page makes no requests at all.
 */
export function shell(p: ShellParts): string {
  return html`<!doctype html>
<html lang="${p.lang}" data-theme="${p.theme}" data-layout="${p.layout ?? 'full'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${
  p.indexable
    ? ''
    : html`<meta name="robots" content="noindex">
`
}<link rel="icon" href="data:,">
<title>${p.title}</title>
${p.head ?? ''}<style>${raw(p.css ?? BASE_CSS)}</style>
</head>
<body>
<header>
${p.header}
</header>
${crisisBox(p.notices.crisis)}
<main>
${p.main}
</main>
<footer>
<p class="disclaimer"><strong>Please note:</strong> ${p.notices.disclaimer}</p>
${p.footer}
${LICENSE_LINE}
</footer>
</body>
</html>
`.value;
}
