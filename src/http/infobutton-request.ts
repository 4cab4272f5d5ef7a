import type { EchoedParameter } from '../clinical/atom.js';
import type { KnowledgeQuestion, KnowledgeRequest } from '../clinical/knowledge.js';
import { codeSystemByOid, CODE_SYSTEMS, normaliseCode } from '../content/code-systems.js';
import type { InfobuttonQuery, ResponseType } from '../schemas/infobutton.js';
import { canonicalUrl } from './canonical.js';
import { HttpProblem, invalidParameters, type ParameterError, problemBody, type ProblemBody } from './problems.js';

// An infobutton request, read: the question (a code, or free text without one), who will read
// the answer, and the canonical form of exactly the parameters that change the answer: the cache
// key and the feed's links and id are built from it, never from the patient parameters.

export const INFOBUTTON_PATH = '/v1/infobutton';

export interface ReadInfobuttonRequest {
  knowledge: KnowledgeRequest;
  responseType: ResponseType;
  /** The canonical request (path and query), in any response type. */
  selfPath: string;
  /** The canonical request without its response type: the same feed in XML and in JSON. */
  feedName: string;
  /** The request parameters that decided the answer, for the feed's categories. */
  echoed: EchoedParameter[];
}

const CODE = 'mainSearchCriteria.v.c';
const SYSTEM = 'mainSearchCriteria.v.cs';
const TEXT = 'mainSearchCriteria.v.ot';
const KNOWN_SYSTEMS = CODE_SYSTEMS.map((s) => `${s.oid} (${s.name})`).join(' or ');

/** `undefined` for a parameter sent empty (`…v.dn=`), which some managers do for a field they lack. */
const given = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** Reads a validated query; a request that asks nothing answerable is a 400 naming each problem. */
export function readInfobuttonRequest(query: InfobuttonQuery): ReadInfobuttonRequest {
  const errors: ParameterError[] = [];
  const bad = (name: string, detail: string) => errors.push({ in: 'query', name, detail });
  const rawCode = given(query[CODE]);
  const oid = given(query[SYSTEM])?.replace(/^urn:oid:/i, '');
  // Original text first: it is what the user saw; the display name is the coded concept's.
  const text = given(query[TEXT]) ?? given(query['mainSearchCriteria.v.dn']);

  let question: KnowledgeQuestion | undefined;
  if (rawCode !== undefined) {
    const system = oid === undefined ? undefined : codeSystemByOid(oid);
    if (oid === undefined) bad(SYSTEM, `is required with a code: ${KNOWN_SYSTEMS}`);
    else if (!system) bad(SYSTEM, `names a code system this service does not know; use ${KNOWN_SYSTEMS}`);
    const code = system && normaliseCode(system, rawCode);
    if (system && !code) bad(CODE, `is not a valid ${system.name} code`);
    if (system && code) question = { kind: 'code', system, code };
  } else if (text !== undefined) question = { kind: 'text', text: text.replace(/\s+/g, ' ') };
  else bad(CODE, `is required (a code, with ${SYSTEM}); without one, send the concept's text in ${TEXT} or mainSearchCriteria.v.dn`);
  if (!question || errors.length) throw invalidParameters(errors);

  const language = query['informationRecipient.languageCode.c']?.toLowerCase();
  const recipient = query.informationRecipient ?? 'PAT';
  const responseType = query.knowledgeResponseType ?? 'text/xml';
  const knowledge: KnowledgeRequest = {
    question,
    recipient,
    otherLanguage: language && !/^en(?:-|$)/.test(language) ? language : null,
    region: query.region,
  };
  // Defaults left out, so every spelling of one question shares one answer.
  const canonical = {
    [CODE]: question.kind === 'code' ? question.code : undefined,
    [SYSTEM]: question.kind === 'code' ? question.system.oid : undefined,
    [TEXT]: question.kind === 'text' ? question.text : undefined,
    informationRecipient: recipient === 'PAT' ? undefined : recipient,
    'informationRecipient.languageCode.c': knowledge.otherLanguage ?? undefined,
    region: query.region,
  };
  const echoed: EchoedParameter[] =
    question.kind === 'code'
      ? [
          { scheme: CODE, term: question.code },
          { scheme: SYSTEM, term: question.system.oid },
        ]
      : [{ scheme: TEXT, term: question.text }];
  echoed.push({ scheme: 'informationRecipient', term: recipient });
  return {
    knowledge,
    responseType,
    selfPath: canonicalUrl(INFOBUTTON_PATH, {
      ...canonical,
      knowledgeResponseType: responseType === 'text/xml' ? undefined : responseType,
    }),
    feedName: canonicalUrl(INFOBUTTON_PATH, canonical),
    echoed,
  };
}

/** The problem a code sent without its system gets: the documented example of a 400. */
export const INFOBUTTON_PROBLEM_EXAMPLE = ((): ProblemBody => {
  try {
    readInfobuttonRequest({ [CODE]: 'F43.21' });
  } catch (error) {
    if (error instanceof HttpProblem) return problemBody(400, error.detail, INFOBUTTON_PATH, error.errors);
  }
  throw new Error('a code without its system must be refused');
})();
