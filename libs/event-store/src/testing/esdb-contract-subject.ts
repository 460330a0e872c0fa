import { EsdbEventStore } from '../esdb/esdb-event-store';
import { ContractSubject } from './event-store.contract';
import { TcpFaultProxy } from './tcp-fault-proxy';

/** Where an insecure single-node connection string points, or null for any other kind. */
export function insecureSingleNode(url: string): { host: string; port: number } | null {
  const match = /^esdb:\/\/(?:[^@/]+@)?([^:/?,]+):(\d+)\/?\?(.*)$/.exec(url);
  if (!match || !/(^|&)tls=false(&|$)/.test(match[3])) return null;
  return { host: match[1], port: Number(match[2]) };
}

/** The client's deadline for an append: short, so a lost answer times out quickly. */
const DEADLINE_MS = 3_000;

/**
 * The EventStoreDB adapter reaching a server (real, or the protocol fake) through a
 * `TcpFaultProxy`, with a short client deadline so that a lost answer times out quickly.
 */
export async function esdbContractSubject(target: {
  readonly host: string;
  readonly port: number;
}): Promise<ContractSubject & { readonly proxy: TcpFaultProxy }> {
  const proxy = await TcpFaultProxy.start(target);
  const connect = (): EsdbEventStore =>
    new EsdbEventStore({
      connectionString: `esdb://127.0.0.1:${proxy.port}?tls=false&defaultDeadline=${DEADLINE_MS}`,
      // A lost answer costs a timeout, then a cut connection: room for both and the retry.
      appendAttempts: 5,
      resubscribeBackoff: { initialMs: 20, maxMs: 200 },
    });
  return {
    store: connect(),
    reopen: async () => connect(),
    cleanup: () => proxy.close(),
    proxy,
    faults: {
      goAway: () => proxy.goAway(),
      comeBack: () => proxy.comeBack(),
      loseAnswers: () => proxy.loseAnswersFor(DEADLINE_MS * 1.5),
    },
  };
}
