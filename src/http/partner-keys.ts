import { createHash } from 'node:crypto';

export const PARTNER_KEY_HEADER = 'x-api-key';

export interface Partner {
  name: string;
  /** Where the partner's readers are, when the partner said so: the crisis lines its answers carry by default. */
  region?: string | undefined;
}

/**
 * Partner API keys, held only as SHA-256 hashes (from configuration): a leaked config or log
 * never reveals a usable key. A presented key is hashed and looked up.
 */
export class PartnerKeys {
  private readonly partners = new Map<string, Partner>();

  constructor(entries: readonly (Partner & { hash: string })[]) {
    for (const { name, hash, region } of entries) this.partners.set(hash.toLowerCase(), { name, region });
  }

  static hash(key: string): string {
    return createHash('sha256').update(key).digest('hex');
  }

  /** The partner a presented key belongs to, or undefined if the key is unknown. */
  identify(key: string): Partner | undefined {
    return this.partners.get(PartnerKeys.hash(key));
  }
}
