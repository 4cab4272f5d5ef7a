import type { ContentRecord, Topic } from '../repositories/content-repository.js';
import { typeInfoOf } from '../content/types.js';
import { EMBED_COLLECTIONS, type EmbedCollection } from '../schemas/embeds.js';
import { html } from './html.js';
import { type Notices, shell } from './page.js';
import { BASE_CSS, BUILDER_CSS, styleHash } from './styles.js';

export const BUILDER_STYLES = `${BASE_CSS}\n${BUILDER_CSS}`;
export const BUILDER_SCRIPT_PATH = '/embed/builder.js';

/** The builder runs one same-origin script and frames and fetches only this service. */
export const BUILDER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src ${styleHash(BUILDER_STYLES)}`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

/** The first view: one topic's coping strategies and therapies, the commonest request. */
export const DEFAULT_SECTIONS: EmbedCollection[] = ['strategies', 'therapies'];

export interface BuilderData {
  topics: Topic[];
  records: Record<EmbedCollection, ContentRecord[]>;
  /** Absolute URL of the initial embed, and its iframe snippet. */
  initialUrl: string;
  initialSnippet: string;
  origin: string;
}

const recordGroup = (collection: EmbedCollection, records: ContentRecord[]) => html`<details>
<summary>${typeInfoOf(collection).label} (${records.length})</summary>
${records.map(
  (
    r,
  ) => html`<div class="choice"><input type="checkbox" name="items" id="item-${r.type}-${r.slug}" value="${r.type}:${r.slug}"><label for="item-${r.type}-${r.slug}">${r.title}</label></div>
`,
)}</details>
`;

/** The builder page; without JavaScript it still shows the default embed, its code and link. */
export function renderBuilder(data: BuilderData, notices: Notices): string {
  const form = html`<form id="builder" data-origin="${data.origin}" novalidate>
<fieldset>
<legend>What to embed</legend>
<div class="choice"><input type="radio" name="mode" id="mode-topic" value="topic" checked><label for="mode-topic">Sections of one topic</label></div>
<div class="choice"><input type="radio" name="mode" id="mode-list" value="list"><label for="mode-list">Records I pick, from any topic</label></div>
</fieldset>
<fieldset id="topic-fields">
<legend>Topic and sections</legend>
<label for="topic">Topic</label>
<select id="topic" name="topic">${data.topics.map((t, i) => html`<option value="${t.slug}"${i === 0 ? ' selected' : ''}>${t.title}</option>`)}</select>
<fieldset>
<legend>Sections, in this order</legend>
${EMBED_COLLECTIONS.map(
  (
    c,
  ) => html`<div class="choice"><input type="checkbox" name="sections" id="section-${c}" value="${c}"${DEFAULT_SECTIONS.includes(c) ? ' checked' : ''}><label for="section-${c}">${typeInfoOf(c).label}</label></div>
`,
)}</fieldset>
</fieldset>
<fieldset id="list-fields">
<legend>Records</legend>
<label for="title">List title (optional)</label>
<input type="text" id="title" name="title" maxlength="120" placeholder="Selected resources">
<p class="hint">Records appear in the order you tick them.</p>
${EMBED_COLLECTIONS.map((c) => recordGroup(c, data.records[c]))}</fieldset>
<fieldset>
<legend>Appearance</legend>
<label for="theme">Theme</label>
<select id="theme" name="theme"><option value="light" selected>Light</option><option value="dark">Dark</option><option value="auto">Follow the reader's system setting</option></select>
<label for="layout">Layout</label>
<select id="layout" name="layout"><option value="full" selected>Full: first steps, sources and review dates per item</option><option value="compact">Compact: titles and summaries</option></select>
<label for="lang">Language tag</label>
<input type="text" id="lang" name="lang" value="en" maxlength="35" aria-describedby="lang-hint">
<p class="hint" id="lang-hint">The content is in English; a regional tag such as en-GB sets the date style.</p>
</fieldset>
</form>`;

  // The code comes first: on a laptop screen it stays in view while the preview scrolls.
  const output = html`<div>
<p id="problem" class="status" role="alert"></p>
<h2>Copy it to your site</h2>
<label for="snippet">Embed code (paste into your page's HTML)</label>
<textarea id="snippet" readonly>${data.initialSnippet}</textarea>
<button type="button" id="copy-snippet">Copy embed code</button>
<label for="link">Link (for oEmbed sites such as WordPress, or to share)</label>
<input type="text" id="link" readonly value="${data.initialUrl}">
<button type="button" id="copy-link">Copy link</button>
<p id="status" class="status" role="status"></p>
<h2>Preview</h2>
<iframe id="preview" class="preview" title="Preview of the embed" src="${data.initialUrl}"></iframe>
</div>`;

  return shell({
    lang: 'en',
    theme: 'light',
    title: 'Embed builder',
    css: BUILDER_STYLES,
    head: html`<script src="${BUILDER_SCRIPT_PATH}" defer></script>\n`,
    notices,
    header: html`<h1>Embed builder</h1>
<p class="intro">Choose what to show, check the preview, then copy the code into your website or patient portal. The disclaimer, crisis guidance and sources are always included.</p>`,
    main: html`<h2 class="vh">Choose what to show</h2>
<div class="builder">
${form}
${output}
</div>`,
    footer: html`<p>Embeds are documented under "Embeds" in the <a href="/docs">API documentation</a>.</p>`,
  });
}
