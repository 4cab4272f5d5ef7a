import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { atomJson, atomXml } from '../../clinical/atom-xml.js';
import { knowledgeFeed } from '../../clinical/atom.js';
import { EXAMPLE_FEED_JSON, EXAMPLE_FEED_XML, EXAMPLE_REQUEST } from '../../clinical/examples.js';
import { answerKnowledgeRequest } from '../../clinical/knowledge.js';
import { renderErrorPage } from '../../embed/error-page.js';
import { type AnswerKind, HTML_TYPE, JSON_TYPE, sendAnswer } from '../../http/answer.js';
import { INFOBUTTON_PATH, INFOBUTTON_PROBLEM_EXAMPLE, readInfobuttonRequest } from '../../http/infobutton-request.js';
import { PROBLEM_XML_TYPE, problemXml } from '../../http/problem-xml.js';
import {
  HttpProblem,
  invalidParameters,
  type ParameterError,
  PROBLEM_CONTENT_TYPE,
  parameterErrors,
  problemBody,
  type ProblemBody,
} from '../../http/problems.js';
import { keyWithOrigin, publicOrigin } from '../../http/public-origin.js';
import { INFOBUTTON_ERROR_TEXTS, renderInfobuttonPage } from '../../pages/infobutton.js';
import { PAGE_CSP } from '../../pages/render.js';
import { Problem } from '../../schemas/common.js';
import { named } from '../../snapshot/crisis-notices.js';
import {
  infobuttonParameters,
  InfobuttonJsonFeed,
  infobuttonQuery,
  requestedResponseType,
  type ResponseType,
} from '../../schemas/infobutton.js';

const text = (mediaType: string): AnswerKind<string> => ({ mediaType, serialize: (body) => body });
const KINDS: Record<ResponseType, AnswerKind<string>> = {
  'text/xml': text('text/xml; charset=utf-8'),
  'application/atom+xml': text('application/atom+xml; charset=utf-8'),
  'application/json': text(JSON_TYPE),
  'text/html': text(HTML_TYPE),
};

const HTML_EXAMPLE =
  '<!doctype html>\n<html lang="en" data-theme="auto" data-layout="full">\n<head>…<meta name="robots" content="noindex">…<title>Suggested reading</title>…</head>\n<body>\n<header>…<h1>Suggested reading</h1>\n<p class="intro">Reading for ICD-10-CM F43.21 (Adjustment disorder with depressed mood).</p></header>\n<aside class="crisis" aria-labelledby="crisis-heading">…</aside>\n<main>\n<ul class="items"><li class="item">\n<h2><a href="https://api.example.org/contexts/life-transitions?region=GB">During major life transitions</a></h2>…</li></ul>\n</main>\n<footer><p class="disclaimer"><strong>Please note:</strong> …</p>…</footer>\n</body>\n</html>\n';
const FEED_JSON = InfobuttonJsonFeed.meta({
  id: 'InfobuttonFeed',
  description: "The infobutton's Atom feed in the JSON form MedlinePlus Connect serves (`feed.entry[].title._value` …).",
  example: EXAMPLE_FEED_JSON,
});
const problemsIn = (description: string, example: ProblemBody) => ({
  description,
  content: {
    'application/problem+xml': { schema: z.string().meta({ example: problemXml(example) }) },
    // Its example is added with every other problem's (src/openapi/problems.ts).
    'application/problem+json': { schema: Problem },
    'text/html': { schema: z.string().meta({ example: '<!doctype html>…<h1>This reading request is not valid</h1>…' }) },
  },
});

/** A problem in the format the request asked for; its instance is the path only, never the patient's parameters. */
function sendProblem(request: FastifyRequest, reply: FastifyReply, status: number, detail: string, errors?: ParameterError[]) {
  const body = problemBody(status, detail, INFOBUTTON_PATH, errors);
  const type = requestedResponseType(request.query);
  reply.code(status);
  if (type === 'application/json') return reply.type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  if (type !== 'text/html') return reply.type(PROBLEM_XML_TYPE).send(problemXml(body));
  const notices = { disclaimer: request.server.content.disclaimer, crisis: request.server.present.crisis() };
  return reply.type(HTML_TYPE).send(renderErrorPage(status, detail, errors, notices, INFOBUTTON_ERROR_TEXTS));
}

/**
 * The HL7 infobutton (Context-Aware Knowledge Retrieval, URL-based), modelled on MedlinePlus
 * Connect: a problem code (or, without one, its text) in; up to three pages for people out, as
 * an Atom feed, its JSON form or an HTML page. Patient parameters are accepted, never read, never
 * logged and never part of the cache key.
 */
export default async function infobuttonRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  // Every client error in the requested format; server faults go to the app's handler, which logs.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) throw error;
    if (hasZodFastifySchemaValidationErrors(error)) {
      const invalid = invalidParameters(parameterErrors(error, 'is not a parameter of this operation'));
      return sendProblem(request, reply, 400, invalid.detail, invalid.errors);
    }
    if (error instanceof HttpProblem) {
      if (error.headers) reply.headers(error.headers);
      return sendProblem(request, reply, status, error.detail, error.errors);
    }
    return sendProblem(request, reply, status, error.message);
  });
  app.addHook('onSend', async (_request, reply) => {
    if (String(reply.getHeader('content-type')).startsWith('text/html')) reply.header('content-security-policy', PAGE_CSP);
  });

  app.get(
    '/infobutton',
    {
      config: { privateQuery: true, mediaTypeParameter: 'knowledgeResponseType' },
      // Names in any case and the deprecated `.c.` forms become the documented names; every other
      // parameter (patient, task, encounter, organisation …) is dropped here, unread.
      preValidation: (request, _reply, done) => {
        const { query, repeated } = infobuttonParameters(request.query);
        if (repeated.length)
          return done(
            invalidParameters(
              repeated.map((name) => ({ in: 'query', name, detail: 'is given more than once (in different cases); give it once' })),
            ),
          );
        request.query = query;
        done();
      },
      schema: {
        operationId: 'getInfobutton',
        tags: ['clinical'],
        summary: 'HL7 infobutton: reading for a problem code',
        description: `An HL7 Context-Aware Knowledge Retrieval ("infobutton") responder, URL-based, modelled on MedlinePlus Connect, for electronic health records. Send a problem code (\`mainSearchCriteria.v.c\` and its system's OID in \`mainSearchCriteria.v.cs\`; ICD-10-CM is mapped, SNOMED CT is accepted but not yet mapped) and get up to three pages for people, best first, as an Atom feed (\`text/xml\`, the default), its JSON form (\`application/json\`) or an HTML page (\`text/html\`), chosen by \`knowledgeResponseType\`, not by Accept. Without a code, the text in \`mainSearchCriteria.v.ot\` (or \`.v.dn\`) is searched for. Codes for suicidal thoughts, self-harm or a suicide attempt (and codes below them) answer with the help directory page for the region first and no content. A code that is not mapped answers with the nearest code above it, or an empty feed (200). Parameter names match in any case; the deprecated \`mainSearchCriteria.c.*\` forms are accepted. Everything else an infobutton manager sends (\`taskContext.c.c\`, \`patientPerson.*\`, \`age.*\`, \`ageGroup.*\`, \`holder.*\`, \`performer\`, \`encounter.*\`, \`subTopic.*\`, organisation ids …) is accepted, ignored and never logged. Errors (400, 401, 429) come in the requested format: RFC 9457 problem XML (\`application/problem+xml\`), problem+json, or an HTML page. Example: \`${EXAMPLE_REQUEST}\`.`,
        querystring: infobuttonQuery,
        response: {
          200: {
            description:
              'Up to three entries, best first (an empty feed when nothing matched), in the format `knowledgeResponseType` names.',
            content: {
              'text/xml': { schema: z.string().meta({ example: EXAMPLE_FEED_XML }) },
              'application/atom+xml': { schema: z.string().meta({ example: EXAMPLE_FEED_XML }) },
              'application/json': { schema: FEED_JSON },
              'text/html': { schema: z.string().meta({ example: HTML_EXAMPLE }) },
            },
          },
          400: problemsIn(
            'No code and no text, a code without its system, an unknown code system, or a bad value; `errors` names each. In the requested format.',
            INFOBUTTON_PROBLEM_EXAMPLE,
          ),
          401: problemsIn(
            'The X-API-Key header holds no valid partner key (omit it for the keyless tier). In the requested format.',
            problemBody(401, 'The X-API-Key header does not hold a valid partner key. Omit it to use the keyless tier.', INFOBUTTON_PATH),
          ),
          429: problemsIn(
            'Rate limit exceeded: retry after the seconds in Retry-After. In the requested format.',
            problemBody(
              429,
              'Rate limit exceeded: 300 requests per 60 s. Retry after 42 s, or use a partner key for a higher limit.',
              INFOBUTTON_PATH,
            ),
          ),
        },
      },
    },
    async (request, reply) => {
      const read = readInfobuttonRequest(request.query);
      const origin = publicOrigin(request, reply);
      const type = read.responseType;
      return sendAnswer(
        reply,
        keyWithOrigin(app, origin, read.selfPath),
        () => {
          const sources = { codes: app.codes, content: app.content, help: app.help, search: app.searchIndex };
          const answer = answerKnowledgeRequest(read.knowledge, sources);
          if (!answer)
            throw invalidParameters([
              { in: 'query', name: 'mainSearchCriteria.v.ot', detail: 'must contain at least one letter or digit' },
            ]);
          if (type === 'text/html') {
            const helpFirst = answer.entries[0]?.kind === 'help';
            const ctx = {
              origin,
              options: { theme: 'auto' as const, region: read.knowledge.region },
              notices: { disclaimer: app.content.disclaimer, crisis: app.present.crisis(named(read.knowledge.region), helpFirst) },
              bodyHtml: (key: string, markdown: string) => app.present.body(key, markdown, 'html'),
              codesOf: () => [],
              help: undefined,
              titleOf: (ref: string) => ref,
            };
            return renderInfobuttonPage(answer, read.selfPath, ctx);
          }
          const feed = knowledgeFeed(answer, {
            origin,
            selfPath: read.selfPath,
            idName: read.feedName,
            echoed: read.echoed,
            builtAt: app.content.builtAt,
            disclaimer: app.content.disclaimer,
          });
          return type === 'application/json' ? atomJson(feed) : atomXml(feed);
        },
        KINDS[type],
      );
    },
  );
}
