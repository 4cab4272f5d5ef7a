// Every byte of embed markup goes through `html`: interpolated values are escaped unless they
// are already Html, so a value from a URL or the store can never become markup by accident.
import { escapeHtml } from '../render/escape.js';

export { escapeHtml };

/** Markup that is known to be safe (built by `html` or `raw`). */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Interpolation = Html | string | number | null | undefined | false | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes `text`; nested `html` results pass through. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  // A template has one string more than it has values, so neither lookup is ever undefined.
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Trusted markup written in this codebase (never data): the style sheet, the doctype. */
export const raw = (markup: string) => new Html(markup);

/** An http(s) URL fit for an href, or null: other schemes (javascript:, data: …) never link. */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
