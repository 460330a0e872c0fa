import { logSubscriptionDrops } from '@keyledger/event-store';
import { ProjectionRunner } from '@keyledger/read-models';
import {
  ConfigError,
  loadConfig,
  servedProjections,
  withConfiguredStores,
} from '@keyledger/runtime';
import { Projector } from './projector';
import { projectorLog, runnerLog } from './projector-log';
import { loadProjectorSettings } from './projector-settings';
import { shutdownSignal } from './shutdown-signal';

async function main(): Promise<void> {
  const config = loadConfig();
  const settings = loadProjectorSettings();
  const log = projectorLog(config.logLevel);
  const shutdown = shutdownSignal(log);
  if (config.readStore.kind === 'memory') {
    log.warn('READ_STORE=memory: these read models die with this process and no API reads them');
  }
  await withConfiguredStores(config, async ({ events, store }) => {
    logSubscriptionDrops(events.subscriptionHealth, log);
    const projections = servedProjections(config);
    const runner = new ProjectionRunner(events, store, projections, {
      logger: runnerLog(log),
      batchSize: settings.batchSize,
    });
    log.info(
      {
        event_store: config.eventStore.kind,
        read_store: config.readStore.kind,
        projections: projections.map(({ name }) => name),
      },
      'projector starting',
    );
    await new Projector(runner, log, settings.lagIntervalMs).run(shutdown);
    log.info({ position: runner.appliedPosition }, 'projector stopped');
  });
}

main().catch((error: unknown) => {
  // Configuration problems are the operator's to fix: say which, without a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
