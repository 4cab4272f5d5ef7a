// The rule for tests that need a system service (test/helpers/services.ts): skip with the
// package to install, or fail when REQUIRE_SERVICES=1.
import t from 'tap';
import { unlessInstalled } from './services.js';

t.test('a service that is there: the test runs', async (t) => {
  t.equal(unlessInstalled('sh', 'dash'), false, 'a command on PATH');
  t.equal(unlessInstalled('/bin/sh', 'dash'), false, 'an absolute path');
});

t.test('a service that is not: skip, naming the package; or fail when services are required', async (t) => {
  t.equal(
    unlessInstalled('no-such-service-here', 'some-package', {}),
    'no-such-service-here is not installed: apt-get install -y some-package (.ci/run does this)',
  );
  t.match(unlessInstalled('/no/such/browser', 'chromium', { REQUIRE_SERVICES: '0' }), /apt-get install -y chromium/);
  t.throws(
    () => unlessInstalled('no-such-service-here', 'some-package', { REQUIRE_SERVICES: '1' }),
    /REQUIRE_SERVICES=1, but no-such-service-here is not installed/,
  );
});
