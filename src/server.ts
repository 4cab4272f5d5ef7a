// Starts the process: config, store freshness, listen, graceful shutdown.
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { StoreError } from './db/open.js';
import { storeIsStale } from './seed/freshness.js';

async function main() {
  const config = loadConfig();
  const paths = { seedDir: config.SEED_DIR, migrationsDir: config.MIGRATIONS_DIR, storePath: config.STORE_PATH };
  if (config.STORE_AUTO_BUILD && storeIsStale(paths)) {
    const { buildStore } = await import('./seed/build.js');
    const { version } = buildStore(paths);
    console.log(JSON.stringify({ level: 30, time: Date.now(), msg: `content store built from seed/ (version ${version})` }));
  }
  const app = await buildApp(config);
  // The grace period covers the drain too: the process is forced down only after both.
  closeWithGrace({ delay: config.SHUTDOWN_DRAIN_MS + config.SHUTDOWN_GRACE_MS }, async ({ signal, err }) => {
    // Readiness fails at once; during the drain everything is still answered (with Connection:
    // close) while the load balancer notices and stops routing new requests here.
    app.lifecycle.drain();
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal, drainMs: config.SHUTDOWN_DRAIN_MS }, 'shutting down gracefully');
    if (!err && config.SHUTDOWN_DRAIN_MS > 0) await new Promise((done) => setTimeout(done, config.SHUTDOWN_DRAIN_MS));
    await app.close();
  });
  await app.listen({ port: config.PORT, host: config.HOST });
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof StoreError || (error as Error).name === 'SeedError';
  console.error(known ? `Cannot start: ${(error as Error).message}` : error);
  process.exit(1);
});
