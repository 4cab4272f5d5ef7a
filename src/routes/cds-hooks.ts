import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withExample } from '../schemas/parameters.js';
import { cardsFor } from '../clinical/cds-cards.js';
import { CdsClientTrust, type TrustedIssuer } from '../clinical/cds-client-trust.js';
import { conditionCodes } from '../clinical/fhir-conditions.js';
import { type AnswerKind, JSON_TYPE, sendAnswer } from '../http/answer.js';
import { otherHook, unknownService, untrustedCall } from '../http/cds-problems.js';
import { invalidParameters, sendProblem } from '../http/problems.js';
import { publicOrigin } from '../http/public-origin.js';
import { Problem } from '../schemas/common.js';
import { CDS_SERVICE_ID, CdsDiscovery, CdsHookRequest, CdsResponse, CONDITIONS_PREFETCH_KEY } from '../schemas/cds-hooks.js';
import { region } from '../schemas/crisis.js';

// CDS Hooks 2.0 (HL7 STU2): a `patient-view` service that turns the patient's active conditions,
// prefetched by the EHR, into patient-education cards (help first for suicide and self-harm
// codes). It never calls back into the EHR's FHIR server, and the request body (patient data and
// the EHR's access token) is never logged or stored.

const PREFETCH = `Condition?patient={{context.patientId}}&clinical-status=active`;
/** A prefetched Bundle of a long problem list fits easily; the rest of the app keeps 16 KiB. */
const BODY_LIMIT = 256 * 1024;
// The specification leaves CORS to the service: a browser-based CDS client preflights POST with these headers.
const CORS = { methods: ['POST', 'OPTIONS'], allowedHeaders: ['Content-Type', 'Authorization'] };

const DISCOVERY: z.input<typeof CdsDiscovery> = {
  services: [
    {
      hook: 'patient-view',
      title: 'Emotional connection: patient reading',
      description:
        "Suggests plain-language reading on emotional isolation, withdrawal and detachment for the patient's active conditions (ICD-10-CM), at most three cards, most relevant first. Conditions about suicidal thoughts, self-harm or a suicide attempt get a warning card with crisis help for the region first.",
      id: CDS_SERVICE_ID,
      prefetch: { [CONDITIONS_PREFETCH_KEY]: PREFETCH },
      usageRequirements:
        'Needs the prefetched active Conditions: this service never queries your FHIR server. Add ?region=XX (an ISO 3166-1 country code) to the service URL for that country’s crisis lines.',
    },
  ],
};
const RESPONSE_EXAMPLE: z.input<typeof CdsResponse> = {
  cards: [
    {
      uuid: '99787a8b-1118-5cd7-8188-9e46ea5f9100',
      summary: 'Patient reading: Among older adults',
      indicator: 'info',
      detail:
        'Older people can end up alone and feeling cut off. …\n\n**Why:** ICD-10-CM Z60.2 Problems related to living alone. Explains being alone and feeling cut off in later life, why it matters for health, and practical ways to stay connected.\n\n_This content is for general education only. …_',
      source: { label: 'Emotional Connection Content API', url: 'https://api.example.org/topics' },
      links: [
        { label: 'Read or share: Among older adults', url: 'https://api.example.org/contexts/older-adults?region=GB', type: 'absolute' },
      ],
    },
  ],
};
const json: AnswerKind<unknown> = { mediaType: JSON_TYPE, serialize: (body) => JSON.stringify(body) };

// Each problem's example comes from src/openapi/problems.ts, with every other operation's.
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } });

export interface CdsHooksOptions {
  /** CDS_HOOKS_ISSUERS: when any is configured, every call must carry a JWT one of them signed. */
  issuers: readonly TrustedIssuer[];
}

export default async function cdsHooksRoutes(fastify: FastifyInstance, { issuers }: CdsHooksOptions) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const trust = new CdsClientTrust(issuers);

  // A bad body names each field by its path; everything else goes to the app's problem handler.
  app.setErrorHandler((error: FastifyError) => {
    if (hasZodFastifySchemaValidationErrors(error) && error.validationContext === 'body')
      throw invalidParameters(
        (error.validation ?? []).map((v) => ({
          in: 'body',
          name: v.instancePath.split('/').filter(Boolean).join('.') || '(body)',
          detail: v.message ?? 'is invalid',
        })),
      );
    throw error;
  });

  const authenticate = async (request: FastifyRequest<{ Params: { id: string } }>) => {
    if (!trust.required) return;
    // The configuration requires PUBLIC_BASE_URL with issuers: the audience never comes from Host.
    const origin = app.publicBaseOrigin ?? publicOrigin(request);
    const audience = [`${origin}/cds-services/${request.params.id}`, `${origin}${request.url}`];
    const verdict = await trust.verify(request.headers.authorization, audience);
    if (verdict.trusted) return;
    // Who and why, never the token (CDS Hooks best practice: iss and jti may be logged, whole JWTs not).
    request.log.warn({ iss: verdict.issuer, reason: verdict.reason }, 'refused a CDS Hooks call');
    throw untrustedCall();
  };

  app.get(
    '/cds-services',
    {
      config: { publicCache: true },
      schema: {
        operationId: 'discoverCdsServices',
        tags: ['clinical'],
        summary: 'CDS Hooks discovery',
        description:
          'The CDS Hooks 2.0 discovery document: one `patient-view` service and the prefetch it needs (the patient’s active Conditions). Register `{this origin}` as the CDS service base URL in the EHR. Open to any caller.',
        response: { 200: CdsDiscovery.meta({ description: 'The services this server offers.', example: DISCOVERY }) },
      },
    },
    async (_request, reply) => sendAnswer(reply, 'cds-services', () => DISCOVERY, json),
  );

  app.post(
    '/cds-services/:id',
    {
      bodyLimit: BODY_LIMIT,
      config: { cors: CORS },
      onRequest: authenticate,
      schema: {
        operationId: 'callCdsService',
        tags: ['clinical'],
        summary: 'CDS Hooks: cards for a patient-view',
        description: `Answers a \`patient-view\` hook call with at most three \`info\` cards of patient reading for the prefetched active Conditions (ICD-10-CM; SNOMED CT codes are read but none is mapped yet), most relevant first; a condition about suicidal thoughts, self-harm or a suicide attempt puts a \`warning\` card with the help directory for \`region\` first. Refuted and entered-in-error conditions, and conditions whose clinical status is not active, are skipped; unconfirmed ones get the warning card but no reading. Without \`prefetch.${CONDITIONS_PREFETCH_KEY}\`, or with \`null\` or an OperationOutcome in its place, the service sees no conditions and answers no cards: it never queries the EHR's FHIR server. When CDS_HOOKS_ISSUERS is configured, the call must carry the JWT the specification describes (\`Authorization: Bearer …\`), else 401; without it the service is open. Bodies up to 256 KiB; never logged or stored.`,
        params: z.strictObject({ id: withExample(z.string().max(200).describe(`The service id: \`${CDS_SERVICE_ID}\`.`), CDS_SERVICE_ID) }),
        querystring: z.strictObject({ region }),
        body: CdsHookRequest,
        response: {
          200: CdsResponse.meta({ description: 'The cards (an empty list: no guidance).', example: RESPONSE_EXAMPLE }),
          400: problem('The body is not a valid patient-view call; `errors` names each field.'),
          401: problem('CDS_HOOKS_ISSUERS is configured and the call carries no JWT a configured issuer signed for this service.'),
          404: problem('No service has this id.'),
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      if (id !== CDS_SERVICE_ID) throw unknownService(id);
      const { hook, prefetch } = request.body;
      if (hook !== 'patient-view') throw otherHook();
      const conditions = prefetch?.[CONDITIONS_PREFETCH_KEY];
      reply.header('cache-control', 'no-store');
      // No Bundle (not sent, "no data" or the EHR's OperationOutcome): no conditions seen, so no cards.
      if (!conditions || conditions.resourceType === 'OperationOutcome') return { cards: [] };
      const ctx = { origin: publicOrigin(request), region: request.query.region, disclaimer: app.content.disclaimer };
      return { cards: cardsFor(conditionCodes(conditions), app.codes, app.help, ctx) };
    },
  );

  // The preflight of a browser-based CDS client (answered by the CORS hook with these methods and headers).
  app.options('/cds-services/:id', { config: { cors: CORS }, schema: { hide: true } }, async (_request, reply) =>
    reply.code(204).header('allow', 'POST, OPTIONS').send(),
  );
  // A service is called with POST only; say so rather than "not found".
  app.route({
    method: ['GET', 'PUT', 'PATCH', 'DELETE'],
    url: '/cds-services/:id',
    schema: { hide: true },
    handler: async (request, reply) => {
      reply.header('allow', 'POST, OPTIONS');
      return sendProblem(request, reply, 405, `A CDS service is called with POST (CDS Hooks 2.0); ${request.method} is not allowed.`);
    },
  });
}
