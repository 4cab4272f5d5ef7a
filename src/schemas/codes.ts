import { z } from 'zod';
import { CODE_SYSTEMS } from '../content/code-systems.js';
import { region } from './crisis.js';
import { namedEnum } from './enums.js';
import { withExample } from './parameters.js';
import { limit, offset } from './queries.js';

// The code map as the API lists it (GET /v1/codes): what each clinical code answers with, so an
// integrator can see what the infobutton and the CDS Hooks service cover before wiring them up.

const SYSTEM_NAMES = CODE_SYSTEMS.map((s) => s.name) as [string, ...string[]];

const CodeSystemName = namedEnum(
  'CodeSystemName',
  SYSTEM_NAMES,
  'A clinical code system, by its usual name.',
  `must be one of ${SYSTEM_NAMES.join(', ')}`,
);

export const codesQuery = z.strictObject({
  system: withExample(CodeSystemName.optional(), 'ICD-10-CM').describe(
    'Only codes of this system. The map has ICD-10-CM codes only; no SNOMED CT code is mapped yet.',
  ),
  limit,
  offset,
  region,
});

export const CodeRecord = z
  .object({
    type: z.string().describe('`topic`, or the record type (`sign`, `cause`, `context`, …).'),
    slug: z.string(),
    title: z.string(),
    href: z.string().describe('The topic or record in the API; its page for people is the same path without `/v1`.'),
    rank: z.number().int().min(1).describe('1 is the record to show first for this code; ties follow the editorial order.'),
    reason: z.string().describe('Why it fits the code, in one line a clinician can check.'),
  })
  .meta({ id: 'CodeRecord', description: 'A topic or record mapped to a code.' });

export const CodeMapping = z
  .object({
    system: CodeSystemName.describe('The code system, by its usual name.'),
    code: z.string().describe('The code, with its dot (F43.21).'),
    title: z
      .string()
      .describe('The official title of the code in the release the map was checked against (ICD-10-CM FY2026, unchanged in FY2027).'),
    helpFirst: z
      .boolean()
      .describe(
        'A code for suicidal thoughts, self-harm or a suicide attempt. It (and every code below it) answers with the help directory for the region (`/v1/help`, and the page `/help`) first, never with content alone; `records` is empty.',
      ),
    records: z
      .array(CodeRecord)
      .describe('Every topic and record mapped to the code, best first. The infobutton and the CDS Hooks service show the first three.'),
  })
  .meta({
    id: 'CodeMapping',
    description:
      'One code of the map. A code that is not listed answers with the nearest code above it that is (ICD-10-CM: F43.21 → F43.2 → F43), or with nothing.',
    example: {
      system: 'ICD-10-CM',
      code: 'F43.21',
      title: 'Adjustment disorder with depressed mood',
      helpFirst: false,
      records: [
        {
          type: 'context',
          slug: 'life-transitions',
          title: 'During major life transitions',
          href: '/v1/contexts/life-transitions',
          rank: 1,
          reason: 'Covers feeling cut off and unsure after a major change, and small daily steps that help.',
        },
      ],
    },
  });
