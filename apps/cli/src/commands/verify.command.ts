import { existsSync, readFileSync } from 'node:fs';
import { Command } from 'commander';
import {
  AuditPublicKey,
  AuditVerdict,
  SqliteAuditTreeStore,
  TreeHead,
  verifyAuditLog,
} from '@keyledger/audit-tree';
import { createPublicKey } from 'node:crypto';
import { auditKeyId } from '@keyledger/client';
import { loadConfig } from '@keyledger/runtime';
import { CliOutput } from '../shared/cli-output';
import { openExistingEventStore } from '../shared/open-event-store';

/** Exit code when there is nothing to verify against, apart from 1: verified and broken. */
const NOT_VERIFIABLE = 2;

/** What `verify` prints for a verdict. */
export function verdictLine(verdict: AuditVerdict): string {
  if (verdict.ok) {
    return (
      `OK: ${verdict.checked} events, tree root ${verdict.root_hash}, ` +
      `${verdict.heads_checked} signed heads verified`
    );
  }
  const { kind, leaf_index, event, detail } = verdict.problem;
  const where = event
    ? ` (position ${event.position}, stream ${event.stream}, revision ${event.revision})`
    : '';
  return (
    `BROKEN at leaf ${leaf_index}${where}: ${kind}: ${detail}; ` +
    `${verdict.checked} events before it verified`
  );
}

interface VerifyOptions {
  readonly treeHead?: string;
  readonly publicKey?: string;
}

/**
 * `verify`: recompute the audit tree from every event of the configured store, SQLite or
 * EventStoreDB, against the tree kept beside it and every signed head, and a head kept elsewhere.
 */
export function verifyCommand(output: CliOutput): Command {
  return new Command('verify')
    .description(
      'recompute the audit Merkle tree from every event; check stored leaves, every signed head ' +
        'and a kept head; exit 1 at the first altered, removed, reordered or inserted event',
    )
    .option('--tree-head <file>', 'a signed tree head (JSON) kept outside this deployment')
    .option(
      '--public-key <file>',
      'trust only this Ed25519 public key (PEM) for heads, not the keys the tree recorded',
    )
    .addHelpText(
      'after',
      `\nExit codes: 0 intact, 1 broken, ${NOT_VERIFIABLE} nothing to verify (no store, or neither ` +
        'an audit tree nor --tree-head).',
    )
    .action(async (options: VerifyOptions) => {
      const config = loadConfig();
      const keptHead = options.treeHead === undefined ? undefined : readHead(options.treeHead);
      const publicKeys =
        options.publicKey === undefined ? undefined : [await readPublicKey(options.publicKey)];
      const haveTree = existsSync(config.auditTree.file);
      if (!haveTree && keptHead === undefined) {
        output.problem(
          `no audit tree at ${config.auditTree.file} and no --tree-head: nothing to verify against`,
        );
        process.exitCode = NOT_VERIFIABLE;
        return;
      }
      const events = openExistingEventStore(config.eventStore, output);
      if (events === null) return;
      const tree = haveTree
        ? new SqliteAuditTreeStore(config.auditTree.file, { readonly: true })
        : null;
      if (tree === null)
        output.problem(`no audit tree at ${config.auditTree.file}: checking the kept head only`);
      try {
        const verdict = await verifyAuditLog(events, { tree, keptHead, publicKeys });
        output.line(verdictLine(verdict));
        if (!verdict.ok) process.exitCode = 1;
      } finally {
        tree?.close();
        await events.close();
      }
    });
}

function readHead(file: string): TreeHead {
  const head = JSON.parse(readFileSync(file, 'utf8')) as TreeHead;
  if (typeof head?.tree_size !== 'number' || typeof head.root_hash !== 'string') {
    throw new Error(
      `${file}: not a tree head ({ tree_size, root_hash, timestamp, key_id, signature })`,
    );
  }
  return head;
}

async function readPublicKey(file: string): Promise<AuditPublicKey> {
  const pem = createPublicKey(readFileSync(file))
    .export({ format: 'pem', type: 'spki' })
    .toString();
  return { key_id: await auditKeyId(pem), public_key_pem: pem };
}
