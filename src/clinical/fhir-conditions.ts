import { type CodeSystem, codeSystemByUri, normaliseCode } from '../content/code-systems.js';
import { type ConditionBundleValue, FhirCondition, type FhirConditionValue } from '../schemas/cds-hooks.js';

// The codes of a patient's conditions, read from the FHIR R4 search Bundle a CDS client
// prefetched. Only what a resource says is taken into account: a condition without a status is
// read as current and confirmed, since encounter diagnoses often carry none.

const CLINICAL_STATUS = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const VERIFICATION_STATUS = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
/** `active` and its children (R4 value set condition-clinical). */
const ACTIVE = new Set(['active', 'recurrence', 'relapse']);
/** Not a condition the patient has. */
const RULED_OUT = new Set(['refuted', 'entered-in-error']);
/** `unconfirmed` and its children: still a possibility. */
const UNCONFIRMED = new Set(['unconfirmed', 'provisional', 'differential']);

export interface ConditionCode {
  system: CodeSystem;
  code: string;
  /** False for an unconfirmed, provisional or differential diagnosis. */
  confirmed: boolean;
  /** The condition's position in the bundle, for ordering equally good answers. */
  position: number;
}

const statusOf = (concept: FhirConditionValue['clinicalStatus'], system: string) => concept?.coding?.find((c) => c.system === system)?.code;

/** ICD-10-CM and SNOMED CT codes of the bundle's current conditions, in bundle order. */
export function conditionCodes(bundle: ConditionBundleValue): ConditionCode[] {
  const codes: ConditionCode[] = [];
  (bundle.entry ?? []).forEach((entry, position) => {
    // `outcome` entries are messages about the search itself, not results.
    if (entry.search?.mode === 'outcome') return;
    const parsed = FhirCondition.safeParse(entry.resource);
    if (!parsed.success) return;
    const condition = parsed.data;
    const clinical = statusOf(condition.clinicalStatus, CLINICAL_STATUS);
    if (clinical !== undefined && !ACTIVE.has(clinical)) return;
    const verification = statusOf(condition.verificationStatus, VERIFICATION_STATUS);
    if (verification !== undefined && RULED_OUT.has(verification)) return;
    const confirmed = verification === undefined || !UNCONFIRMED.has(verification);
    for (const coding of condition.code?.coding ?? []) {
      const system = coding.system ? codeSystemByUri(coding.system) : undefined;
      const code = system && coding.code ? normaliseCode(system, coding.code) : undefined;
      if (system && code) codes.push({ system, code, confirmed, position });
    }
  });
  return codes;
}
