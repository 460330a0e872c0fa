import { EsdbEventStore, EventStore, SqliteEventStore } from '@keyledger/event-store';
import { temporaryDatabaseFile, testMetadata } from '@keyledger/event-store/testing';
import { EsdbProtocolFake } from '@keyledger/event-store/testing/esdb-protocol-fake';
import { ALL_PROJECTIONS } from '../all-projections';
import { MemoryReadStore } from '../store/memory/memory-read-store';
import { keyCreated } from '../testing/key-events';
import { ProjectionRunner } from './projection-runner';

const now = new Date('2100-01-01T00:00:00.000Z');
const logger = { error: () => undefined };

/** Three keys created while no runner ran, then the lag a runner that applied nothing reports. */
async function lagOfThreeUnapplied(events: EventStore) {
  const positions: number[] = [];
  for (const id of ['k1', 'k2', 'k3']) {
    const { type, data } = keyCreated(id);
    const appended = await events.append(`key-${id}`, [{ type, data: { ...data } }], {
      expectedRevision: 'no_stream',
      metadata: testMetadata(),
    });
    positions.push(appended.position);
  }
  const runner = new ProjectionRunner(events, new MemoryReadStore(), ALL_PROJECTIONS, {
    logger,
    clock: { now: () => now },
  });
  return { lag: await runner.lag(), positions, head: await events.headPosition() };
}

describe('projection lag, in the unit of the store positions', () => {
  it('counts events where positions number them (SQLite)', async () => {
    const database = temporaryDatabaseFile();
    const events = new SqliteEventStore({ file: database.file });
    try {
      const { lag } = await lagOfThreeUnapplied(events);
      expect(lag).toMatchObject({ checkpoint: 0, behind_events: 3 });
      expect(lag).not.toHaveProperty('behind_bytes');
    } finally {
      await events.close();
      database.remove();
    }
  });

  it('reports bytes, and no event count, where positions are byte offsets (EventStoreDB client over a protocol fake)', async () => {
    const fake = await EsdbProtocolFake.start();
    const events = new EsdbEventStore({ connectionString: fake.url() });
    try {
      const { lag, positions, head } = await lagOfThreeUnapplied(events);
      // Three events, hundreds of bytes apart: a position difference is not a count.
      expect(positions[2] - positions[0]).toBeGreaterThan(100);
      expect(lag).toMatchObject({
        head_position: head,
        behind_events: null,
        behind_bytes: head - positions[0],
      });
    } finally {
      await events.close();
      await fake.stop();
    }
  });
});
