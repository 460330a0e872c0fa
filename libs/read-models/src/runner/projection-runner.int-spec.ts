import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyEvent } from '@keyledger/domain';
import { SqliteEventStore } from '@keyledger/event-store';
import { testMetadata } from '@keyledger/event-store/testing';
import { ALL_PROJECTIONS } from '../all-projections';
import { KeyDocument } from '../keys/key.document';
import { KEYS_COLLECTION } from '../keys/key.projection';
import { MemoryReadStore } from '../store/memory/memory-read-store';
import { ReadStore } from '../store/read-store.port';
import { ProjectionRunner } from './projection-runner';

const created = (id: string, name = `key ${id}`): KeyEvent => ({
  type: 'KeyCreated',
  data: {
    key_id: id,
    hash: `hash-${id}`,
    label: 'rk_0000…0000',
    name,
    scope: 'personal',
    owner_user_id: 'u1',
    org_id: null,
    scopes: ['completions'],
    limit: null,
    limit_reset: null,
    include_byok_in_limit: false,
    plan_tier: null,
    expires_at: null,
    created_at: '2026-01-01T00:00:00.000Z',
  },
});
const renamed = (id: string, name: string): KeyEvent => ({ type: 'KeyRenamed', data: { key_id: id, name, previous_name: '' } });

/** Every document of every projection, for comparing two read stores. */
async function snapshot(store: ReadStore): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const projection of ALL_PROJECTIONS) {
    const documents: unknown[] = [];
    for await (const document of store.collection(projection.collection).scan()) documents.push(document);
    result[projection.collection] = documents;
  }
  return result;
}

describe('ProjectionRunner over the SQLite event store', () => {
  let dir: string;
  let events: SqliteEventStore;
  const metadata = testMetadata();
  const append = async (stream: string, list: KeyEvent[]) =>
    events.append(stream, list.map((e) => ({ type: e.type, data: e.data as unknown as Record<string, unknown> })), { expectedRevision: 'any', metadata });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'keyledger-runner-'));
    events = new SqliteEventStore({ file: join(dir, 'events.sqlite'), pollIntervalMs: 5 });
  });
  afterEach(async () => {
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('catches up on history, then applies live events', async () => {
    await append('key-a', [created('a'), renamed('a', 'first')]);
    const store = new MemoryReadStore();
    const runner = new ProjectionRunner(events, store, ALL_PROJECTIONS);
    await runner.start();
    expect(await runner.catchUp(2000)).toBe(true);
    expect((await store.collection<KeyDocument>(KEYS_COLLECTION).get('a'))?.document.name).toBe('first');
    const { position } = await append('key-b', [created('b')]);
    expect(await runner.waitForPosition(position, 2000)).toBe(true);
    expect(await store.collection(KEYS_COLLECTION).count()).toBe(2);
    expect(await runner.lag()).toMatchObject({ behind_positions: 0, behind_ms: 0 });
    await runner.stop();
  });

  it('applies a burst in batches no larger than the batch size', async () => {
    for (let i = 0; i < 30; i++) await append(`key-${i}`, [created(String(i))]);
    const seen: number[] = [];
    const runner = new ProjectionRunner(events, new MemoryReadStore(), ALL_PROJECTIONS, {
      batchSize: 8,
      afterDocumentsWritten: (batch) => void seen.push(batch.length),
    });
    await runner.start();
    await runner.catchUp(2000);
    await runner.stop();
    expect(seen.reduce((a, b) => a + b, 0)).toBe(30);
    expect(Math.max(...seen)).toBeLessThanOrEqual(8);
    expect(seen.length).toBeLessThan(30);
  });

  it('resumes from its checkpoints after a restart, and redelivery changes nothing', async () => {
    const store = new MemoryReadStore();
    await append('key-a', [created('a')]);
    const first = new ProjectionRunner(events, store, ALL_PROJECTIONS);
    await first.start();
    await first.catchUp(2000);
    await first.stop();
    await append('key-a', [renamed('a', 'after restart')]);
    const before = await snapshot(store);
    // Pretend the checkpoints were lost: everything is delivered again.
    for (const projection of ALL_PROJECTIONS) await store.setCheckpoint(projection.name, 0);
    const second = new ProjectionRunner(events, store, ALL_PROJECTIONS);
    await second.start();
    await second.catchUp(2000);
    await second.stop();
    const after = await snapshot(store);
    expect((after[KEYS_COLLECTION][0] as KeyDocument).name).toBe('after restart');
    expect(after.audit_entries).toHaveLength(2);
    expect(before.audit_entries).toHaveLength(1);
  });

  it('converges to a full rebuild after a crash between documents and checkpoint', async () => {
    for (let i = 0; i < 20; i++) await append(`key-${i % 5}`, [i < 5 ? created(String(i)) : renamed(String(i % 5), `name ${i}`)]);
    const store = new MemoryReadStore();
    let batches = 0;
    const crashing = new ProjectionRunner(events, store, ALL_PROJECTIONS, {
      batchSize: 6,
      afterDocumentsWritten: () => {
        if (++batches === 2) throw new Error('simulated crash after documents, before checkpoint');
      },
    });
    await crashing.start();
    expect(await crashing.catchUp(500)).toBe(false);
    expect(crashing.error).toBeInstanceOf(Error);
    await crashing.stop();

    const restarted = new ProjectionRunner(events, store, ALL_PROJECTIONS, { batchSize: 6 });
    await restarted.start();
    expect(await restarted.catchUp(2000)).toBe(true);
    await restarted.stop();

    const rebuilt = new MemoryReadStore();
    const fresh = new ProjectionRunner(events, rebuilt, ALL_PROJECTIONS);
    await fresh.rebuild();
    expect(await snapshot(store)).toEqual(await snapshot(rebuilt));
  });

  it('rebuilds with progress to the same state as live application', async () => {
    for (let i = 0; i < 50; i++) await append(`key-${i}`, [created(String(i)), renamed(String(i), `r${i}`)]);
    const live = new MemoryReadStore();
    const runner = new ProjectionRunner(events, live, ALL_PROJECTIONS, { batchSize: 7 });
    await runner.start();
    await runner.catchUp(2000);
    const before = await snapshot(live);
    const progress: number[] = [];
    const result = await runner.rebuild((p) => progress.push(p.done));
    expect(result.events).toBe(100);
    expect(progress[progress.length - 1]).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(await snapshot(live)).toEqual(before);
    const { position } = await append('key-new', [created('new')]);
    expect(await runner.waitForPosition(position, 2000)).toBe(true);
    await runner.stop();
  });

  it('reports false when a position is not reached in time', async () => {
    const runner = new ProjectionRunner(events, new MemoryReadStore(), ALL_PROJECTIONS);
    await append('key-a', [created('a')]);
    expect(await runner.waitForPosition(1, 50)).toBe(false);
  });
});
