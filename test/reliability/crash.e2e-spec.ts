import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteAuditTreeStore, verifyAuditLog } from '@keyledger/audit-tree';
import { SqliteEventStore } from '@keyledger/event-store';
import { byId, derivedFields, foldAllKeys } from '../support/key-fold';
import { listAllKeys } from '../support/list-keys';
import { findRoute, openApiRoutes } from '../support/openapi-routes';
import { envCount } from '../support/scale';
import { ensureServiceBuild } from '../support/service-build';
import { startServiceProcess } from '../support/service-process';
import { auditTreeFile, eventStoreFile, storedEvents } from '../support/stored-events';
import { signUserToken } from '../support/tokens';
import { driveCommands } from './command-driver';
import { CommandLedger } from './command-ledger';

const KILLS = envCount('KILLS', 3);
const CLIENTS = 3;
/** Commands of the last life, which runs to completion so the read models follow them live. */
const FINAL_COMMANDS = 30;
/** The kill lands anywhere in this span after the clients start (ms). */
const KILL_AFTER = { min: 50, max: 800 } as const;

const randomPause = () =>
  new Promise((resolve) =>
    setTimeout(resolve, KILL_AFTER.min + Math.random() * (KILL_AFTER.max - KILL_AFTER.min)),
  );

describe('crash safety: kill -9 under load, restart, repeat', () => {
  let main: string;
  let dataDir: string;

  beforeAll(() => {
    main = ensureServiceBuild();
    dataDir = mkdtempSync(join(tmpdir(), 'keyledger-crash-'));
  }, 300_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    `loses no acknowledged command over ${KILLS} kills`,
    async () => {
      const token = await signUserToken('alice');
      const ledger = new CommandLedger();
      const start = () => startServiceProcess(main, { dataDir });
      let canRename = false;
      for (let kill = 1; kill <= KILLS; kill++) {
        const service = await start();
        const routes = await openApiRoutes(service.baseUrl);
        canRename =
          findRoute(routes, 'PATCH', '/api/v1/keys/{id}')?.bodyFields.includes('name') ?? false;
        const base = { baseUrl: service.baseUrl, token, clients: CLIENTS, canRename };
        const driving = driveCommands(ledger, { ...base, runId: `life${kill}` });
        await randomPause();
        await service.crash();
        await driving;
      }

      const last = await start();
      await driveCommands(ledger, {
        baseUrl: last.baseUrl,
        token,
        clients: CLIENTS,
        canRename,
        runId: 'last',
        maxCommands: FINAL_COMMANDS,
      });
      const followedLive = (await listAllKeys(last.baseUrl, token)).sort(byId);
      await last.stop();
      const rebuilt = await start();
      const fromScratch = (await listAllKeys(rebuilt.baseUrl, token)).sort(byId);
      await rebuilt.stop();

      const events = storedEvents(dataDir);
      const lost = ledger.acknowledgements.filter(
        (ack) =>
          !events.some((e) => e.metadata.request_id === ack.requestId && e.type === ack.eventType),
      );
      console.log(
        `crash: ${JSON.stringify({ kills: KILLS, ...ledger.figures, renames: canRename, events: events.length, lost: lost.length })}`,
      );
      expect(lost).toEqual([]);
      expect(ledger.figures.serverErrors).toBe(0);
      // The audit tree survived every kill too: its leaves and signed heads match the events.
      const store = new SqliteEventStore({ file: eventStoreFile(dataDir) });
      const tree = new SqliteAuditTreeStore(auditTreeFile(dataDir), { readonly: true });
      const verdict = await verifyAuditLog(store, { tree });
      tree.close();
      await store.close();
      expect(verdict).toMatchObject({ ok: true, checked: events.length });
      expect(fromScratch).toEqual(followedLive);
      expect(followedLive.map(derivedFields)).toEqual(foldAllKeys(events));
    },
    120_000 + KILLS * 20_000,
  );
});
