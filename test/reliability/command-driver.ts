import { call } from '../support/http';
import { CommandLedger } from './command-ledger';

/** Who drives commands at which service, and how. */
export interface DriverOptions {
  readonly baseUrl: string;
  readonly token: string;
  /** Concurrent clients. */
  readonly clients: number;
  /** Whether `PATCH /api/v1/keys/{id}` exists and takes a `name` (renames are then in the mix). */
  readonly canRename: boolean;
  /** Tags request ids, so every event can be traced back to this run. */
  readonly runId: string;
  /** Stop after this many commands; otherwise run until the service stops answering. */
  readonly maxCommands?: number;
}

interface Command {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  readonly eventType: string;
  /** What to remember once it is acknowledged. */
  readonly onAcknowledged?: (body: { data?: { id?: string } | null }) => void;
}

/**
 * Sends a mix of create / revoke / rename commands from concurrent clients and records in the
 * ledger what the service acknowledged. A client stops at the first unanswered request: the
 * service is gone (that is the point of the crash test).
 */
export async function driveCommands(ledger: CommandLedger, options: DriverOptions): Promise<void> {
  let sent = 0;
  const budgetLeft = () => options.maxCommands === undefined || sent < options.maxCommands;
  const client = async (): Promise<void> => {
    while (budgetLeft()) {
      const requestId = `${options.runId}-${++sent}`;
      const command = nextCommand(ledger, options.canRename, requestId);
      ledger.figures.requests += 1;
      const answered = await call<{ data?: { id?: string } | null }>(
        options.baseUrl,
        command.method,
        command.path,
        { auth: options.token, body: command.body, headers: { 'x-request-id': requestId } },
      ).catch(() => null);
      if (answered === null) {
        ledger.figures.unanswered += 1;
        return;
      }
      if (answered.status >= 500) ledger.figures.serverErrors += 1;
      else if (answered.status >= 400) ledger.figures.refused += 1;
      else {
        ledger.figures.acknowledged += 1;
        ledger.acknowledgements.push({ requestId, eventType: command.eventType });
        command.onAcknowledged?.(answered.body);
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
}

function nextCommand(ledger: CommandLedger, canRename: boolean, requestId: string): Command {
  const roll = Math.random();
  const revoked = ledger.activeKeyCount >= 3 && roll < 0.3 ? ledger.takeActiveKey() : null;
  if (revoked !== null) {
    return { method: 'DELETE', path: `/api/v1/keys/${revoked}`, eventType: 'KeyRevoked' };
  }
  const key = ledger.someActiveKey();
  if (canRename && key !== null && roll < 0.55) {
    // Request ids are unique, so a rename is never a no-op that writes nothing.
    const body = { name: `renamed-${requestId}` };
    return { method: 'PATCH', path: `/api/v1/keys/${key}`, body, eventType: 'KeyRenamed' };
  }
  return {
    method: 'POST',
    path: '/api/v1/keys',
    body: { name: `key-${requestId}` },
    eventType: 'KeyCreated',
    onAcknowledged: (body) => {
      // 202 (read model still behind): the key exists but its id is not known to the client.
      if (body.data?.id) ledger.addActiveKey(body.data.id);
    },
  };
}
