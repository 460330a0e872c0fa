import { ProjectionRunner, ReadStore } from '@keyledger/read-models';
import { loadConfig } from '../../../api/src/config/app-config';
import {
  openEventStore,
  openReadStore,
  servedProjections,
} from '../../../api/src/infrastructure/open-stores';
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
  const events = openEventStore(config.eventStore);
  try {
    const store = await openReadStore(config.readStore);
    try {
      const runner = new ProjectionRunner(events, store, servedProjections(config.readStore), {
        logger: { error: (message) => output.problem(message) },
      });
      return await use({ runner, store });
    } finally {
      await store.close();
    }
  } finally {
    await events.close();
  }
}
