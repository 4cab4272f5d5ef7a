import { z } from 'zod';

// The JSON-LD representation (Accept: application/ld+json) as the OpenAPI document describes it.
// Its shape is schema.org's, built by src/http/jsonld.ts and checked against the schema.org
// vocabulary by the tests; this schema documents the frame and gives an example.
export const JsonLd = z
  .looseObject({
    '@context': z.literal('https://schema.org'),
    '@type': z.string().describe('`MedicalWebPage` (topics and most records), `FAQPage` (questions, and the FAQ list).'),
    url: z.string().describe('The page for people this describes.'),
    name: z.string(),
  })
  .meta({
    id: 'JsonLd',
    description:
      "schema.org JSON-LD of the resource's page for people: `name`, `description`, `url`, `inLanguage`, `lastReviewed`, `citation` (each cited work, with its DOI as `sameAs`) and `about` (the topics, as `MedicalCondition`). Questions are a `FAQPage` whose `mainEntity` is the `Question` with its `acceptedAnswer`; a strategy page's `mainEntity` is a `LifestyleModification`, a therapy's a `PsychologicalTreatment`. Review is editorial only, so there is no `reviewedBy`.",
    example: {
      '@context': 'https://schema.org',
      '@type': 'MedicalWebPage',
      url: 'https://api.example.org/strategies/journaling',
      name: 'Journaling',
      description: 'Writing about feelings helps you notice patterns.',
      inLanguage: 'en',
      lastReviewed: '2026-11-22',
      citation: [
        {
          '@type': 'CreativeWork',
          name: 'Recovering from Emotional Withdrawal',
          url: 'https://www.talktoangel.com/blog/recovering-from-emotional-withdrawal',
          publisher: { '@type': 'Organization', name: 'TalkToAngel' },
        },
      ],
      about: [{ '@type': 'MedicalCondition', name: 'Emotional withdrawal', url: 'https://api.example.org/topics/emotional-withdrawal' }],
      mainEntity: {
        '@type': 'LifestyleModification',
        name: 'Journaling',
        description: 'Writing about feelings helps you notice patterns.',
      },
    },
  });
