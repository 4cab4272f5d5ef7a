// Partner API keys on their own (no app): configured as SHA-256 hashes, a presented key is
// hashed and looked up. test/plugins/security.test.ts checks the header through the app.
import { createHash } from 'node:crypto';
import t from 'tap';
import { PARTNER_KEY_HEADER, PartnerKeys } from '../../src/http/partner-keys.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

t.test('a presented key is known by its hash, whatever the case the hash was configured in', async (t) => {
  t.equal(PARTNER_KEY_HEADER, 'x-api-key');
  t.equal(PartnerKeys.hash('secret-one'), sha256('secret-one'), 'hex SHA-256, as an operator computes it');
  const keys = new PartnerKeys([
    { name: 'clinic', hash: sha256('secret-one') },
    { name: 'library', hash: sha256('secret-two').toUpperCase(), region: 'GB' },
  ]);
  t.same(keys.identify('secret-two'), { name: 'library', region: 'GB' }, 'with the default region the partner gave');
  t.same(keys.identify('secret-one'), { name: 'clinic', region: undefined }, 'or none');
  t.equal(keys.identify('secret-one')?.name, 'clinic');
  t.equal(keys.identify('secret-two')?.name, 'library', 'an upper-case hash in the config still matches');
  t.equal(keys.identify('secret-three'), undefined, 'an unknown key');
  t.equal(keys.identify(sha256('secret-one')), undefined, 'the hash itself is not a key');
  t.equal(new PartnerKeys([]).identify('secret-one'), undefined, 'no partners configured');
});
