import { create } from 'xmlbuilder2';
import type { ProblemBody } from './problems.js';

export const PROBLEM_XML_TYPE = 'application/problem+xml; charset=utf-8';
/** RFC 9457 Appendix B keeps RFC 7807's namespace for the XML form. */
const PROBLEM_NAMESPACE = 'urn:ietf:rfc:7807';

/**
 * A problem as RFC 9457's XML form (Appendix B), for clients that asked for XML: the same members
 * as the JSON, each an element; the `errors` array as `<i>` items, as the appendix writes arrays.
 */
export function problemXml(problem: ProblemBody): string {
  const doc = create({ version: '1.0', encoding: 'utf-8' });
  const root = doc.ele(PROBLEM_NAMESPACE, 'problem');
  root.ele('type').txt(problem.type);
  root.ele('title').txt(problem.title);
  root.ele('status').txt(String(problem.status));
  root.ele('detail').txt(problem.detail);
  root.ele('instance').txt(problem.instance);
  if (problem.errors) {
    const errors = root.ele('errors');
    for (const e of problem.errors) {
      const item = errors.ele('i');
      item.ele('in').txt(e.in);
      item.ele('name').txt(e.name);
      item.ele('detail').txt(e.detail);
    }
  }
  return doc.end({ prettyPrint: true });
}
