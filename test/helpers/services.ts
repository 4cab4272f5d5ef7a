import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Tests that need a system service (Debian's redis-server, Chromium) run when it is installed. On
// a machine without it they skip, naming the package to install, so `npm test` passes with only
// Node and npm; with REQUIRE_SERVICES=1 (set by .ci/run, which installs them) a missing service
// fails instead, so CI can never pass by skipping.

const onPath = (command: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/**
 * `false` when the service is there; otherwise the reason to skip (a tap `skip` option), or an
 * error when REQUIRE_SERVICES=1. `installed` is a command name or an absolute path.
 */
export function unlessInstalled(installed: string, debianPackage: string, env: NodeJS.ProcessEnv = process.env): false | string {
  const present = installed.startsWith('/') ? existsSync(installed) : onPath(installed);
  if (present) return false;
  const reason = `${installed} is not installed: apt-get install -y ${debianPackage} (.ci/run does this)`;
  if (env.REQUIRE_SERVICES === '1') throw new Error(`REQUIRE_SERVICES=1, but ${reason}`);
  return reason;
}
