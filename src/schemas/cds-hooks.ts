import { z } from 'zod';
import { namedEnum } from './enums.js';

// CDS Hooks 2.0 (HL7 STU2, 2.0.1) shapes, written from the specification's tables: the discovery
// response, the `patient-view` hook request and the card response. Requests are validated with
// them and responses serialised through them, so nothing leaves that the specification does not
// allow. Optional attributes are left out, never sent empty or null (spec, "Null and empty JSON
// elements"). The prefetch this service asks for is a FHIR R4 search Bundle of Conditions.

const nonEmpty = z.string().min(1, 'must not be empty');

export const CdsService = z.object({
  hook: nonEmpty.describe('The hook that triggers the service.'),
  title: z.string().optional(),
  description: nonEmpty,
  id: nonEmpty.describe('The `{id}` in `{baseUrl}/cds-services/{id}`.'),
  prefetch: z.record(z.string(), z.string()).optional().describe('Prefetch key → FHIR query template.'),
  usageRequirements: z.string().optional(),
});

export const CdsDiscovery = z.object({ services: z.array(CdsService) });

// FHIR R4, as far as this service reads it: a Coding, a CodeableConcept, a Condition in a search Bundle.
const Coding = z.object({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() });
const CodeableConcept = z.object({ coding: z.array(Coding).optional(), text: z.string().optional() });
export const FhirCondition = z.object({
  resourceType: z.literal('Condition'),
  clinicalStatus: CodeableConcept.optional(),
  verificationStatus: CodeableConcept.optional(),
  code: CodeableConcept.optional(),
});
export type FhirConditionValue = z.output<typeof FhirCondition>;

export const ConditionBundle = z
  .object({
    resourceType: z.literal('Bundle'),
    type: z.string().optional(),
    entry: z
      .array(
        z.object({
          // Read as a Condition when it is one; other resources (an included Patient …) are skipped.
          resource: z.record(z.string(), z.unknown()).optional(),
          search: z.object({ mode: z.string().optional() }).optional(),
        }),
      )
      .optional(),
  })
  .describe('A FHIR R4 search Bundle (`type: searchset`) of the patient’s Conditions.');
export type ConditionBundleValue = z.output<typeof ConditionBundle>;

/** What a CDS client sends when it could not run a prefetch query (spec: SHOULD). */
const OperationOutcome = z.object({ resourceType: z.literal('OperationOutcome') });

/** This server's one service, and the prefetch key it reads the patient's conditions from. */
export const CDS_SERVICE_ID = 'emotional-connection-education';
export const CONDITIONS_PREFETCH_KEY = 'conditions';

const FhirAuthorization = z.object({
  access_token: nonEmpty,
  token_type: z.literal('Bearer'),
  expires_in: z.number().int(),
  scope: nonEmpty,
  subject: nonEmpty,
  patient: z.string().optional(),
});

export const CdsHookRequest = z
  .object({
    hook: nonEmpty,
    hookInstance: nonEmpty,
    fhirServer: z.url().optional(),
    // Never read, stored or logged: this service does not call back into the EHR.
    fhirAuthorization: FhirAuthorization.optional(),
    context: z.object({ userId: nonEmpty, patientId: nonEmpty, encounterId: z.string().optional() }),
    prefetch: z
      .object({
        [CONDITIONS_PREFETCH_KEY]: z
          .union([ConditionBundle, OperationOutcome, z.null()])
          .optional()
          .describe('The active Conditions (`null`: the patient has none; an OperationOutcome: the client could not fetch them).'),
      })
      .catchall(z.unknown())
      .optional(),
  })
  .refine((r) => !r.fhirAuthorization || r.fhirServer, { message: 'fhirServer is required with fhirAuthorization', path: ['fhirServer'] })
  .meta({ description: 'A `patient-view` hook call (CDS Hooks 2.0), with the prefetched active Conditions.' });
export type CdsHookRequestValue = z.output<typeof CdsHookRequest>;

const CardLink = z.object({
  label: nonEmpty,
  url: z.url(),
  type: namedEnum('CdsLinkType', ['absolute', 'smart'], 'How the EHR opens a card link: as a web page, or as a SMART app launch.'),
  appContext: z.string().optional(),
  autolaunchable: z.boolean().optional(),
});

// The spec's Coding: code and system required (display too, in an override reason).
const SpecCoding = z.object({ code: nonEmpty, system: nonEmpty, display: z.string().optional() });
const Action = z.object({
  type: namedEnum('CdsActionType', ['create', 'update', 'delete'], 'What a suggested action does to a FHIR resource.'),
  description: nonEmpty,
  resource: z.record(z.string(), z.unknown()).optional(),
  resourceId: z.string().optional(),
});
const Suggestion = z.object({
  label: nonEmpty,
  uuid: z.string().optional(),
  isRecommended: z.boolean().optional(),
  actions: z.array(Action).optional(),
});

export const CdsCard = z
  .object({
    uuid: z.string().optional(),
    summary: nonEmpty.max(139, 'must be under 140 characters'),
    detail: z.string().optional().describe('GitHub Flavored Markdown.'),
    indicator: namedEnum('CdsCardIndicator', ['info', 'warning', 'critical'], 'How urgent a card is.'),
    source: z.object({ label: nonEmpty, url: z.url().optional(), icon: z.url().optional(), topic: SpecCoding.optional() }),
    suggestions: z.array(Suggestion).optional(),
    selectionBehavior: namedEnum(
      'CdsSelectionBehavior',
      ['at-most-one', 'any'],
      'How many of a card’s suggestions a clinician may choose.',
    ).optional(),
    overrideReasons: z.array(SpecCoding.extend({ display: nonEmpty })).optional(),
    links: z.array(CardLink).optional(),
  })
  .refine((c) => !c.suggestions || c.selectionBehavior, {
    message: 'selectionBehavior is required with suggestions',
    path: ['selectionBehavior'],
  });
export type CdsCardValue = z.output<typeof CdsCard>;

export const CdsResponse = z.object({ cards: z.array(CdsCard), systemActions: z.array(Action).optional() });
