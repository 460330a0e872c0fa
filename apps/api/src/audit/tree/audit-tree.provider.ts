import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Provider,
} from '@nestjs/common';
import { AuditTree, loadTreeHeadSigner, SqliteAuditTreeStore } from '@keyledger/audit-tree';
import { EventStore } from '@keyledger/event-store';
import { APP_CONFIG, AppConfig } from '@keyledger/runtime';
import { EVENT_STORE } from '../../infrastructure/tokens';

const logger = new Logger('audit-tree');

/** The audit Merkle tree, in its file beside the events (DATA_DIR), signed by the configured key. */
export const AUDIT_TREE_PROVIDER: Provider = {
  provide: AuditTree,
  inject: [EVENT_STORE, APP_CONFIG],
  useFactory: (events: EventStore, config: AppConfig) => {
    const signer = loadTreeHeadSigner({
      keyFile: config.auditTree.signingKeyFile,
      dataDir: config.dataDir,
      warn: (message) => logger.warn(message),
    });
    return new AuditTree(events, new SqliteAuditTreeStore(config.auditTree.file), signer, {
      heads: config.auditTree.heads,
      onError: (error) =>
        logger.error({ err: error }, 'following the event store failed; retrying'),
    });
  },
};

/** Follows the store while the service runs; a restart goes on from the stored frontier. */
@Injectable()
export class AuditTreeLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly tree: AuditTree) {}

  onApplicationBootstrap(): void {
    this.tree.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.tree.stop();
    this.tree.store.close();
  }
}
