import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { KeysModule } from '../keys/keys.module';
import { AuditLog } from './audit-log';
import { AuditScope } from './audit-scope';
import { ExportAuditLogHandler } from './queries/export-audit-log/export-audit-log.handler';
import { ExportAuditLogHttpController } from './queries/export-audit-log/export-audit-log.http.controller';
import { GetKeyHistoryHandler } from './queries/get-key-history/get-key-history.handler';
import { GetKeyHistoryHttpController } from './queries/get-key-history/get-key-history.http.controller';
import { ListAuditEntriesHandler } from './queries/list-audit-entries/list-audit-entries.handler';
import { ListAuditEntriesHttpController } from './queries/list-audit-entries/list-audit-entries.http.controller';
import { GetConsistencyProofHandler } from './queries/get-consistency-proof/get-consistency-proof.handler';
import { GetConsistencyProofHttpController } from './queries/get-consistency-proof/get-consistency-proof.http.controller';
import { GetInclusionProofHandler } from './queries/get-inclusion-proof/get-inclusion-proof.handler';
import { GetInclusionProofHttpController } from './queries/get-inclusion-proof/get-inclusion-proof.http.controller';
import { GetTreeHeadHandler } from './queries/get-tree-head/get-tree-head.handler';
import { GetTreeHeadHttpController } from './queries/get-tree-head/get-tree-head.http.controller';
import { ListAuditPublicKeysHandler } from './queries/list-audit-public-keys/list-audit-public-keys.handler';
import { ListAuditPublicKeysHttpController } from './queries/list-audit-public-keys/list-audit-public-keys.http.controller';
import { AUDIT_TREE_PROVIDER, AuditTreeLifecycle } from './tree/audit-tree.provider';
import { ProofAccess } from './tree/proof-access';

/**
 * The audit trail over HTTP: a key's history, the filtered audit log with cursor paging, and its
 * streamed export; the Merkle tree over every event, its signed heads and proofs.
 * `AuditScope` (which keys a caller's log covers) is shared with the reports.
 */
@Module({
  imports: [CqrsModule, KeysModule],
  controllers: [
    GetKeyHistoryHttpController,
    ExportAuditLogHttpController,
    ListAuditEntriesHttpController,
    GetTreeHeadHttpController,
    ListAuditPublicKeysHttpController,
    GetInclusionProofHttpController,
    GetConsistencyProofHttpController,
  ],
  providers: [
    AuditScope,
    AuditLog,
    GetKeyHistoryHandler,
    ListAuditEntriesHandler,
    ExportAuditLogHandler,
    AUDIT_TREE_PROVIDER,
    AuditTreeLifecycle,
    ProofAccess,
    GetTreeHeadHandler,
    ListAuditPublicKeysHandler,
    GetInclusionProofHandler,
    GetConsistencyProofHandler,
  ],
  exports: [AuditScope],
})
export class AuditModule {}
