import { ProjectionRunner, ReadStore } from '@keyledger/read-models';
import { loadConfig, servedProjections, withConfiguredStores } from '@keyledger/runtime';
import { CliOutput } from './cli-output';

/** What a projection command works with: a runner over every projection, and its read store. */
export interface ProjectionTools {
  readonly runner: ProjectionRunner;
  readonly store: ReadStore;
}

/**
 * Opens the configured stores (as the service and the projector do), lends a stopped runner over
 * every projection the configured store keeps (`servedProjections`) to `use`, and closes the stores whatever happens.
 */
/** Events per page of `rebuild`: a few MB of documents in memory, far fewer rewritten ones. */
const REBUILD_BATCH = 5_000;

export async function withProjectionRunner<T>(
  output: CliOutput,
  use: (tools: ProjectionTools) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  if (config.readStore.kind === 'memory') {
    output.problem(
      'note: READ_STORE=memory keeps read models inside each process; this command sees its own, empty store',
    );
  }
  return withConfiguredStores(config, ({ events, store }) => {
    const runner = new ProjectionRunner(events, store, servedProjections(config), {
      logger: { error: (message) => output.problem(message) },
      rebuildBatchSize: REBUILD_BATCH,
    });
    return use({ runner, store });
  });
}
