// The clinical code systems this service knows, by the three names clinical systems use for them:
// the name the seed and the store use, the HL7 OID an infobutton request sends in
// `mainSearchCriteria.v.cs`, and the URI a FHIR Coding carries in `system`. OIDs and URIs as HL7
// Terminology and the FHIR terminology pages list them (see docs/clinical-systems.md).

export interface CodeSystem {
  /** As the seed's `codes:` and the store's tables name it. */
  readonly name: string;
  readonly oid: string;
  readonly uri: string;
  /** Whether any topic or record is mapped to codes of this system yet. */
  readonly mapped: boolean;
}

export const ICD10CM: CodeSystem = {
  name: 'ICD-10-CM',
  oid: '2.16.840.1.113883.6.90',
  uri: 'http://hl7.org/fhir/sid/icd-10-cm',
  mapped: true,
};
// Recognised so that a request for it gets an honest empty answer, not an error: serving SNOMED CT
// needs an affiliate licence, and no concept could be confirmed in an official release (seed/codes/README.md).
export const SNOMED_CT: CodeSystem = { name: 'SNOMED CT', oid: '2.16.840.1.113883.6.96', uri: 'http://snomed.info/sct', mapped: false };

export const CODE_SYSTEMS: readonly CodeSystem[] = [ICD10CM, SNOMED_CT];

export const codeSystemByOid = (oid: string): CodeSystem | undefined => CODE_SYSTEMS.find((s) => s.oid === oid);
export const codeSystemByUri = (uri: string): CodeSystem | undefined => CODE_SYSTEMS.find((s) => s.uri === uri);

// ICD-10-CM: a letter, two characters, then after the dot up to four more (F43.21, T14.91XA).
const ICD10CM_CODE = /^[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?$/;

/**
 * An ICD-10-CM code as the store writes it (upper case, dot after the third character), or
 * undefined when it cannot be one. Clinical systems send codes with or without the dot
 * (the official files leave it out) and in either case.
 */
export function normaliseIcd10cm(raw: string): string | undefined {
  let code = raw.trim().toUpperCase();
  if (!code.includes('.') && code.length > 3) code = `${code.slice(0, 3)}.${code.slice(3)}`;
  return ICD10CM_CODE.test(code) ? code : undefined;
}

/**
 * The codes above an ICD-10-CM code, nearest first: each drops the last character, and a dot left
 * at the end goes with it (F43.21 → F43.2 → F43). The three-character category is the last.
 */
export function icd10cmAncestors(code: string): string[] {
  const ancestors: string[] = [];
  let current = code;
  while (current.length > 3) {
    current = current.slice(0, -1);
    if (current.endsWith('.')) current = current.slice(0, -1);
    ancestors.push(current);
  }
  return ancestors;
}

// A SNOMED CT concept id: 6 to 18 digits (the last a check digit, not verified here).
const SNOMED_CT_ID = /^[0-9]{6,18}$/;

/** A code as `system` writes it, or undefined when it cannot be a code of that system. */
export function normaliseCode(system: CodeSystem, raw: string): string | undefined {
  if (system === ICD10CM) return normaliseIcd10cm(raw);
  const code = raw.trim();
  return system === SNOMED_CT && SNOMED_CT_ID.test(code) ? code : undefined;
}
