import { createHash } from 'node:crypto';

export const PARTNER_KEY_HEADER = 'x-api-key';

/**
 * Partner API keys, held only as SHA-256 hashes (from configuration): a leaked config or log
 * never reveals a usable key. A presented key is hashed and looked up.
 */
export class PartnerKeys {
  private readonly names = new Map<string, string>();

  constructor(entries: readonly { name: string; hash: string }[]) {
    for (const { name, hash } of entries) this.names.set(hash.toLowerCase(), name);
  }

  static hash(key: string): string {
    return createHash('sha256').update(key).digest('hex');
  }

  /** The partner's name for a presented key, or undefined if the key is unknown. */
  identify(key: string): string | undefined {
    return this.names.get(PartnerKeys.hash(key));
  }
}
