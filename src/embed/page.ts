import { type Html, html, raw } from './html.js';
import { BASE_CSS, styleHash } from './styles.js';

export interface Notices {
  disclaimer: string;
  crisis: string;
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
}

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
 * scrolled past), main content, and a footer with the disclaimer. Each page must carry both.
 * The empty data: icon stops browsers asking for /favicon.ico: the page makes no requests at all.
 */
export function shell(p: ShellParts): string {
  return html`<!doctype html>
<html lang="${p.lang}" data-theme="${p.theme}" data-layout="${p.layout ?? 'full'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${p.title}</title>
${p.head ?? ''}<style>${raw(p.css ?? BASE_CSS)}</style>
</head>
<body>
<header>
${p.header}
</header>
<aside class="crisis" aria-labelledby="crisis-heading">
<h2 id="crisis-heading">If you need help now</h2>
<p>${p.notices.crisis}</p>
</aside>
<main>
${p.main}
</main>
<footer>
<p class="disclaimer"><strong>Please note:</strong> ${p.notices.disclaimer}</p>
${p.footer}
</footer>
</body>
</html>
`.value;
}
