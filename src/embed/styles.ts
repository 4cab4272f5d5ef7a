import { createHash } from 'node:crypto';

// Colours checked for WCAG AA contrast (text ≥ 4.5:1 on both --bg and --card) in each theme.
const LIGHT = {
  bg: '#ffffff',
  card: '#f5f7f9',
  fg: '#1c232b',
  muted: '#48525e',
  link: '#0a55c2',
  line: '#c9d0d8',
  'crisis-bg': '#fff3e0',
  'crisis-fg': '#4d2a00',
  'crisis-line': '#b35900',
};
const DARK: typeof LIGHT = {
  bg: '#121519',
  card: '#1b2026',
  fg: '#e8ebee',
  muted: '#b9c1ca',
  link: '#9ec5ff',
  line: '#3a434d',
  'crisis-bg': '#2e2210',
  'crisis-fg': '#ffe2b8',
  'crisis-line': '#f0a54a',
};
const vars = (palette: typeof LIGHT, scheme: string) =>
  `color-scheme:${scheme};${Object.entries(palette)
    .map(([k, v]) => `--${k}:${v}`)
    .join(';')}`;

/** Shared by embed pages, error pages and the builder: one static sheet, so one CSP hash. */
export const BASE_CSS = [
  `:root{${vars(LIGHT, 'light')}}`,
  `:root[data-theme=dark]{${vars(DARK, 'dark')}}`,
  `@media (prefers-color-scheme:dark){:root[data-theme=auto]{${vars(DARK, 'dark')}}}`,
  '*{box-sizing:border-box}',
  'html{background:var(--bg);color:var(--fg)}',
  'body{margin:0 auto;padding:1rem 1.25rem;max-width:48rem;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}',
  'h1{font-size:1.5rem;line-height:1.25;margin:0 0 .35rem}',
  'h2{font-size:1.2rem;line-height:1.3;margin:1.5rem 0 .6rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}',
  'h3{font-size:1.05rem;line-height:1.3;margin:0 0 .25rem}',
  'p{margin:.3rem 0}',
  'a{color:var(--link);text-underline-offset:2px}',
  'a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid var(--link);outline-offset:2px}',
  '.intro{margin:0}',
  '.items{list-style:none;margin:0;padding:0;display:grid;gap:.75rem}',
  '.item{padding:.75rem 1rem;background:var(--card);border:1px solid var(--line);border-radius:8px}',
  '.kind,.meta,.based-on{font-size:.875em;color:var(--muted)}',
  '.kind{margin:0;text-transform:uppercase;letter-spacing:.04em}',
  '.crisis{margin:1rem 0;padding:.6rem 1rem;border-left:4px solid var(--crisis-line);background:var(--crisis-bg);color:var(--crisis-fg);border-radius:4px}',
  '.crisis h2{margin:0;padding:0;border:0;font-size:1em}',
  '.crisis a{color:inherit}',
  '.crisis-lines{margin:.3rem 0;padding-left:1.25rem}',
  'footer{margin-top:1.5rem;padding-top:.75rem;border-top:1px solid var(--line);font-size:.875em;color:var(--muted)}',
  'footer strong{color:var(--fg)}',
  '[data-layout=compact] .items{gap:.35rem}',
  '[data-layout=compact] .item{padding:.4rem .75rem}',
  '[data-layout=compact] h2{margin-top:1rem}',
  '.sources{margin:0;padding-left:1.25rem;font-size:.875em;color:var(--muted)}',
  '[data-layout=full] .all-sources{display:none}',
  '.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}',
  '.errors{padding-left:1.25rem}',
  // Print: a black-on-white handout in two columns, whatever the theme, links as plain text.
  '@media print{' +
    '@page{margin:11mm}' +
    `:root,:root[data-theme]{${vars({ ...LIGHT, card: '#ffffff', fg: '#000000', muted: '#333333', link: '#000000', line: '#999999', 'crisis-bg': '#ffffff', 'crisis-fg': '#000000', 'crisis-line': '#000000' }, 'light')}}` +
    'body{max-width:none;padding:0;font-size:9pt;line-height:1.3}' +
    'h1{font-size:14pt}h2{font-size:11pt;margin:3mm 0 1.5mm;padding-bottom:.5mm;break-after:avoid}h3{font-size:9.5pt;margin:0}' +
    'p{margin:.4mm 0}' +
    '.items{display:block;columns:2;column-gap:6mm}' +
    '.item,[data-layout=compact] .item{break-inside:avoid;border:0;border-radius:0;padding:0;margin:0 0 1.5mm}' +
    '.item p{margin:0}' +
    '.based-on,.meta{display:none}' +
    '[data-layout=full] .all-sources{display:block}' +
    '.sources{font-size:8pt}' +
    'a{text-decoration:none;color:inherit}' +
    '.vh{display:none}' +
    '.crisis{margin:3mm 0;padding:1.5mm 3mm;break-inside:avoid}' +
    'footer{margin-top:4mm;padding-top:2mm;break-inside:avoid}' +
    'footer a{word-break:break-all}' +
    '}',
].join('\n');

/** Builder-only additions; the builder page carries both sheets. */
export const BUILDER_CSS = [
  'body{max-width:80rem}',
  '.builder{display:grid;gap:1.5rem;grid-template-columns:minmax(18rem,26rem) 1fr;align-items:start}',
  '@media (max-width:50rem){.builder{grid-template-columns:1fr}}',
  'fieldset{border:1px solid var(--line);border-radius:8px;margin:0 0 1rem;padding:.5rem 1rem .75rem}',
  'legend{font-weight:600;padding:0 .25rem}',
  'label{display:block;margin:.35rem 0}',
  '.choice{display:flex;gap:.5rem;align-items:baseline;margin:.2rem 0}',
  'input,select,textarea,button{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--muted);border-radius:6px;padding:.35rem .5rem}',
  'input[type=checkbox],input[type=radio]{padding:0}',
  'select,input[type=text],textarea{width:100%}',
  'textarea{min-height:7rem;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem}',
  'button{cursor:pointer;background:var(--link);color:var(--bg);border-color:var(--link);font-weight:600;margin:.5rem .5rem 0 0}',
  'details{margin:.25rem 0}summary{cursor:pointer;font-weight:600}',
  '.preview{width:100%;height:40rem;border:1px solid var(--line);border-radius:8px;background:#ffffff}',
  '.status{min-height:1.5em;font-weight:600;margin:0}',
  '.builder h2{margin-top:0}',
  '.hint{font-size:.875rem;color:var(--muted)}',
].join('\n');

/** Additions for the pages for people: a record's own body, navigation, print with link targets. */
export const PAGE_CSS = [
  'nav ul{list-style:none;margin:0 0 .75rem;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;font-size:.875em}',
  '.body p,.body ul,.body ol{margin:.5rem 0}',
  '.body ul,.body ol,.points,.topics-of,.codes-list,.help-list{padding-left:1.25rem}',
  '.points li,.topics-of li,.codes-list li,.help-list li{margin:.25rem 0}',
  '.review{font-size:.875em;color:var(--muted)}',
  '.search-form{margin:.75rem 0 0}',
  '.search-form label{display:block;font-weight:600;margin-bottom:.25rem}',
  '.search-row{display:flex;flex-wrap:wrap;gap:.5rem}',
  '.search-row input{flex:1 1 14rem;min-width:0;font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--muted);border-radius:6px;padding:.35rem .5rem}',
  '.search-row button{font:inherit;cursor:pointer;background:var(--link);color:var(--bg);border:1px solid var(--link);border-radius:6px;padding:.35rem .9rem;font-weight:600}',
  '.urgent-help{margin:1rem 0;padding:.25rem 1rem .75rem;border:2px solid var(--crisis-line);border-radius:8px}',
  '.urgent-help h2{border:0}',
  'mark{background:#fff1a8;color:#1c232b;padding:0 .1em}',
  '.paging{margin-top:1rem}',
  '@media print{' +
    'nav,.search-form{display:none}' +
    '.page-sources a[href^="http"]::after{content:" (" attr(href) ")";word-break:break-all}' +
    '}',
].join('\n');

/** The CSP source that admits exactly this style sheet, and no other inline style. */
export const styleHash = (css: string) => `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
