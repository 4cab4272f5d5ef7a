import t from 'tap';
import { build } from '../helpers/app.js';
import { logCapture } from '../helpers/logs.js';

// An infobutton request carries whatever the EHR knows about the patient (sex, age, encounter,
// organisation ids), and a CDS Hooks call carries the patient's conditions and the EHR's access
// token. None of it may reach the logs: not the access log, not an error log, on any route.

const SECRETS = ['Jane-Q-Patient', 'MRN-55501234', 'encounter-98765', 'org-password-xyz', 'secret-fhir-token', 'patient-4242'];
const ICD = '2.16.840.1.113883.6.90';
const patientParameters = [
  `patientPerson.name=${SECRETS[0]}`,
  `patientPerson.id=${SECRETS[1]}`,
  'patientPerson.administrativeGenderCode.c=F',
  'age.v.v=77',
  'age.v.u=a',
  `encounter.c.c=${SECRETS[2]}`,
  `holder.assignedEntity.certificateText=${SECRETS[3]}`,
].join('&');

t.test('no parameter value of a clinical request appears in any log line', async (t) => {
  const { stream, lines } = logCapture();
  const app = await build(t, { LOG_LEVEL: 'info' }, { logger: { level: 'trace', stream } });
  const urls = [
    `/v1/infobutton?mainSearchCriteria.v.c=F43.21&mainSearchCriteria.v.cs=${ICD}&${patientParameters}`,
    `/v1/infobutton?mainSearchCriteria.v.c=F43.21&${patientParameters}`, // 400: no code system
    `/v1/infobutton?mainSearchCriteria.v.c=F43.21&mainSearchCriteria.v.cs=${ICD}&knowledgeResponseType=text/html&${patientParameters}`,
    `/v1/infobutton/?mainSearchCriteria.v.c=F43.21&${patientParameters}`, // redirected to the canonical URL
    `/v1/infobuttons?mainSearchCriteria.v.c=F43.21&${patientParameters}`, // 404: a misspelt path
  ];
  for (const url of urls) {
    const res = await app.inject({ url });
    t.ok(res.statusCode < 500, `${url.slice(0, 40)} … answered ${res.statusCode}`);
  }
  const preflight = await app.inject({
    method: 'OPTIONS',
    url: `/v1/infobutton?${patientParameters}`,
    headers: { origin: 'https://ehr.example', 'access-control-request-method': 'GET' },
  });
  t.equal(preflight.statusCode, 204, 'a CORS preflight of an infobutton URL');
  const call = await app.inject({
    method: 'POST',
    url: '/cds-services/emotional-connection-education',
    payload: {
      hook: 'patient-view',
      hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
      fhirServer: 'https://ehr.example/fhir',
      fhirAuthorization: {
        access_token: SECRETS[4],
        token_type: 'Bearer',
        expires_in: 300,
        scope: 'patient/Condition.read',
        subject: 'client',
      },
      context: { userId: 'Practitioner/1', patientId: SECRETS[5] },
      prefetch: {
        conditions: {
          resourceType: 'Bundle',
          entry: [
            {
              resource: {
                resourceType: 'Condition',
                code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'Z60.2', display: SECRETS[0] }] },
              },
            },
          ],
        },
      },
    },
  });
  t.equal(call.statusCode, 200);
  const invalid = await app.inject({
    method: 'POST',
    url: '/cds-services/emotional-connection-education',
    payload: { context: { patientId: SECRETS[5] } },
  });
  t.equal(invalid.statusCode, 400);

  t.ok(
    lines.some((l) => l.includes('"url":"/v1/infobutton?(query not logged)"')),
    'the access log records the path',
  );
  for (const secret of [...SECRETS, 'PROBLISTREV', 'administrativeGenderCode', 'age.v.v']) {
    t.same(
      lines.filter((l) => l.includes(secret)),
      [],
      `"${secret}" is in no log line`,
    );
  }
});

t.test('other routes keep their query strings in the access log', async (t) => {
  const { stream, lines } = logCapture();
  const app = await build(t, { LOG_LEVEL: 'info' }, { logger: { level: 'info', stream } });
  await app.inject({ url: '/v1/signs?limit=2' });
  t.ok(lines.some((l) => l.includes('"url":"/v1/signs?limit=2"')));
});
