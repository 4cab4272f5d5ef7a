import { createHash } from 'node:crypto';

// This service's namespace for name-based UUIDs, drawn once at random. Every id derived from it
// and a stable name (a record's type and slug, a region) is the same on every server and every
// day, so an Atom entry or a CDS card keeps its id for as long as what it names exists.
const NAMESPACE = Buffer.from('400e9fa70a7a49e68018bf59b3eeb979', 'hex');

/** The version 5 (SHA-1, name-based) UUID of `name` in `namespace` (RFC 9562 §5.5). */
export function uuidV5(namespace: Buffer, name: string): string {
  const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The name-based UUID of `name` in this service's namespace. */
export const nameUuid = (name: string) => uuidV5(NAMESPACE, name);

/** The same id as an IRI, as Atom wants ids (RFC 4287 §4.2.6). */
export const uuidIri = (name: string) => `urn:uuid:${nameUuid(name)}`;
