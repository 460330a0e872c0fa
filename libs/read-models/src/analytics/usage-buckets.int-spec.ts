import { KeyUsageRecorded } from '@keyledger/domain';
import { RecordedEvent } from '@keyledger/event-store';
import { recordedEvent, temporaryDatabaseFile, testMetadata } from '@keyledger/event-store/testing';
import { ReadStore } from '../store/read-store.port';
import { SqliteReadStore } from '../store/sqlite/sqlite-read-store';
import { mongoTestStores } from '../store/testing/mongo-test-stores';
import { USAGE_BUCKET_DOCUMENTS } from './usage-bucket.document';
import { usageBucketsRunnable } from './usage-buckets.runnable';
import { keySeries, orgSeries } from './usage-series-reader';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-03-10T00:00:00.000Z');
const RETENTION = 2 * DAY;

/** A usage batch of key `k1` (org_1) at `atMs`, as schema 1 (no refusals) or 2 wrote it. */
function usage(
  position: number,
  atMs: number,
  data: Partial<KeyUsageRecorded['data']> = {},
): RecordedEvent {
  const at = new Date(atMs).toISOString();
  return recordedEvent({
    id: `usage-${position}`,
    stream: 'key_usage-k1',
    position,
    type: 'KeyUsageRecorded',
    data: {
      key_id: 'k1',
      instance_id: 'i1',
      from: at,
      to: at,
      requests: 1,
      cost: 0.1,
      byok_cost: 0,
      by_model: {},
      limit_reset_position: null,
      ...data,
    },
    metadata: testMetadata({ org_id: 'org_1' }),
  });
}

const HISTORY: readonly RecordedEvent[] = [
  // Schema 1: no refusals, no requests per model.
  usage(1, T0 + 10 * 60_000, { by_model: { m1: { reports: 1, cost: 0.1, byok_cost: 0 } } }),
  usage(2, T0 + 20 * 60_000, {
    schema_version: 2,
    requests: 2,
    cost: 0.2,
    refused: { limit_exceeded: 3 },
    by_model: { m1: { reports: 1, cost: 0.2, byok_cost: 0, requests: 2, refused: {} } },
  }),
  usage(3, T0 + HOUR + 1, { schema_version: 2, refused: {} }),
  // Three days later: the first day's hours fall out of the hourly retention.
  usage(4, T0 + 3 * DAY + 5, { schema_version: 2, refused: {} }),
];

const stores: [string, (() => Promise<ReadStore>) | null][] = [
  [
    'SQLite',
    async () => {
      const database = temporaryDatabaseFile();
      return new SqliteReadStore({ file: database.file });
    },
  ],
  [`MongoDB (${process.env.MONGO_URL ?? 'MONGO_URL not set: skipped'})`, mongoTestStores()],
];

describe.each(stores)('usage buckets on %s', (_, open) => {
  const run = open === null ? it.skip : it;
  const projection = usageBucketsRunnable(RETENTION);

  const seriesOf = async (store: ReadStore) => {
    const buckets = store.collection(USAGE_BUCKET_DOCUMENTS);
    const range = { fromMs: T0, toMs: T0 + 4 * DAY };
    return {
      days: await keySeries(buckets, 'k1', { granularity: 'day', ...range }),
      hours: await keySeries(buckets, 'k1', { granularity: 'hour', ...range }),
      org: await orgSeries(
        buckets,
        'org_1',
        () => true,
        { granularity: 'day', ...range },
        'outcome',
      ),
    };
  };

  run(
    'sums schema 1 and 2 batches by hour and day, and prunes hours past the retention',
    async () => {
      const store = await (open as () => Promise<ReadStore>)();
      try {
        await projection.applyEvents(store, HISTORY.slice(0, 3));
        const early = await seriesOf(store);
        expect(early.hours[0]).toEqual({
          start: '2026-03-10T00:00:00.000Z',
          requests: 3,
          refused: { limit_exceeded: 3 },
          cost: 0.3,
          byok_cost: 0,
          models: { m1: { requests: 2, refused: {}, cost: 0.3, byok_cost: 0 } },
        });
        expect(early.hours[1].requests).toBe(1);
        await projection.applyEvents(store, HISTORY.slice(3));
        const { days, hours, org } = await seriesOf(store);
        expect(days.map((d) => d.requests)).toEqual([4, 0, 0, 1]);
        // The first day's hours are gone; its day stays.
        expect(hours.slice(0, 2).map((h) => h.requests)).toEqual([0, 0]);
        expect(hours[3 * 24].requests).toBe(1);
        expect(org[0].groups).toEqual({
          admitted: { requests: 4, cost: 0.4, byok_cost: 0 },
          limit_exceeded: { requests: 3, cost: 0, byok_cost: 0 },
        });
      } finally {
        await store.close();
      }
    },
  );

  run(
    'gives the same buckets applied event by event (live) as in one batch (rebuild)',
    async () => {
      const live = await (open as () => Promise<ReadStore>)();
      const rebuilt = await (open as () => Promise<ReadStore>)();
      try {
        for (const event of HISTORY) await projection.applyEvents(live, [event]);
        await projection.applyEvents(rebuilt, HISTORY);
        expect(await seriesOf(rebuilt)).toEqual(await seriesOf(live));
        // A redelivered batch changes nothing.
        await projection.applyEvents(rebuilt, HISTORY);
        expect(await seriesOf(rebuilt)).toEqual(await seriesOf(live));
      } finally {
        await live.close();
        await rebuilt.close();
      }
    },
  );
});

describe('usage buckets on SQLite: the org series reads its index', () => {
  it('plans the org query on (org_id, granularity, start)', async () => {
    const database = temporaryDatabaseFile();
    const store = new SqliteReadStore({ file: database.file });
    try {
      await usageBucketsRunnable(RETENTION).applyEvents(store, HISTORY);
      const buckets = store.sqliteCollection(USAGE_BUCKET_DOCUMENTS);
      const query = {
        where: { org_id: 'org_1', granularity: 'day', start: { in: ['2026-03-10T00:00:00.000Z'] } },
        sort: [{ field: 'start', direction: 'asc' }],
        limit: 1000,
      } as const;
      const plan = buckets
        .pageQueries(query, 1001)
        .flatMap(({ sql, params }) => store.queryPlan(sql, params))
        .join('\n');
      expect(plan).toContain('org_id__granularity__start');
      expect(plan).not.toMatch(/SCAN (?!.*USING)/);
    } finally {
      await store.close();
      database.remove();
    }
  });
});
