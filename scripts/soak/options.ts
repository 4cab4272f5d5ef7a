// Soak settings from the command line (`npm run soak -- --duration 300`) or the environment.
import { parseArgs } from 'node:util';

export interface SoakOptions {
  /** Seconds of measured load. */
  duration: number;
  /** Seconds of load before the "before" memory reading, so lazy caches and JIT are warm. */
  warmup: number;
  connections: number;
  /** Resident memory may grow at most this much between the two readings. */
  maxGrowthMB: number;
}

function positive(name: string, value: string): number {
  const n = Number(value.replace(/s$/, ''));
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${value}"`);
  return n;
}

export function soakOptions(argv = process.argv.slice(2), env = process.env): SoakOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string', default: env.SOAK_DURATION ?? '60' },
      warmup: { type: 'string', default: env.SOAK_WARMUP ?? '10' },
      connections: { type: 'string', default: env.SOAK_CONNECTIONS ?? '10' },
      'max-growth-mb': { type: 'string', default: env.SOAK_MAX_GROWTH_MB ?? '30' },
    },
  });
  return {
    duration: positive('--duration', values.duration),
    warmup: positive('--warmup', values.warmup),
    connections: Math.round(positive('--connections', values.connections)),
    maxGrowthMB: positive('--max-growth-mb', values['max-growth-mb']),
  };
}
