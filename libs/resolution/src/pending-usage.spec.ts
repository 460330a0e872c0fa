import { PendingUsage } from './pending-usage';

const at = (iso: string): number => Date.parse(iso);
const key = { id: 'k1', slot: 0, limit_reset_position: null };
const cost = (nanos: number) => ({ requests: 0, cost: nanos, byok_cost: 0 });

describe('PendingUsage', () => {
  it('batches a key’s usage within a minute into one event', () => {
    const pending = new PendingUsage('i1');
    pending.add(key, at('2026-03-10T12:00:05Z'), { requests: 1, cost: 0, byok_cost: 0 }, null);
    pending.add(key, at('2026-03-10T12:00:01Z'), cost(250_000_000), 'm1');
    pending.add(key, at('2026-03-10T12:00:09Z'), { requests: 0, cost: 0, byok_cost: 1e9 }, 'm1');
    expect(pending.drain().get('k1')).toEqual([
      {
        type: 'KeyUsageRecorded',
        data: {
          key_id: 'k1',
          instance_id: 'i1',
          from: '2026-03-10T12:00:01.000Z',
          to: '2026-03-10T12:00:09.000Z',
          requests: 1,
          cost: 0.25,
          byok_cost: 1,
          by_model: { m1: { reports: 2, cost: 0.25, byok_cost: 1, requests: 0, refused: {} } },
          limit_reset_position: null,
          schema_version: 2,
          refused: {},
        },
      },
    ]);
  });

  it('starts another batch at a minute boundary and at a manual reset', () => {
    const pending = new PendingUsage('i1');
    pending.add(key, at('2026-03-10T23:59:59.999Z'), cost(1), null);
    pending.add(key, at('2026-03-11T00:00:00.000Z'), cost(2), null);
    pending.add(
      { id: 'k1', slot: 0, limit_reset_position: 7 },
      at('2026-03-11T00:00:00.500Z'),
      cost(4),
      null,
    );
    const events = pending.drain().get('k1') ?? [];
    expect(
      events.map((event) => [
        event.data.from,
        event.data.cost * 1e9,
        event.data.limit_reset_position,
      ]),
    ).toEqual([
      ['2026-03-10T23:59:59.999Z', 1, null],
      ['2026-03-11T00:00:00.000Z', 2, null],
      ['2026-03-11T00:00:00.500Z', 4, 7],
    ]);
  });

  it('batches each key apart, by its ledger slot', () => {
    const pending = new PendingUsage('i1');
    const other = { id: 'k2', slot: 5, limit_reset_position: null };
    pending.admitted(key, 0, 'm1');
    pending.admitted(other, 0, 'm1');
    pending.admitted(other, 1, 'm2');
    const drained = pending.drain();
    expect(drained.get('k1')?.map((event) => event.data.requests)).toEqual([1]);
    expect(drained.get('k2')?.map((event) => Object.keys(event.data.by_model))).toEqual([
      ['m1', 'm2'],
    ]);
    pending.admitted(other, 2, null);
    expect([...pending.drain().keys()]).toEqual(['k2']);
  });

  it('starts afresh after a drain, in the minute and reset period of the next usage', () => {
    const pending = new PendingUsage('i1');
    pending.admitted(key, at('2026-03-10T12:00:05Z'), 'm1');
    pending.add(key, at('2026-03-10T12:00:06Z'), cost(1), 'm1');
    pending.refused(key, at('2026-03-10T12:00:07Z'), 'm1', 'limit_exceeded');
    pending.drain();
    const reset = { ...key, limit_reset_position: 9 };
    pending.admitted(reset, at('2026-03-10T12:03:01Z'), 'm2');
    pending.refused(reset, at('2026-03-10T12:03:02Z'), null, 'key_disabled');
    const [usage, refusals, ...none] = pending.drain().get('k1') ?? [];
    expect(none).toEqual([]);
    expect(usage.data).toMatchObject({
      from: '2026-03-10T12:03:01.000Z',
      to: '2026-03-10T12:03:01.000Z',
      requests: 1,
      cost: 0,
      limit_reset_position: 9,
      refused: {},
      by_model: { m2: { requests: 1, reports: 0, cost: 0, refused: {} } },
    });
    expect(Object.keys(usage.data.by_model)).toEqual(['m2']);
    expect(refusals.data).toMatchObject({ refused: { key_disabled: 1 }, by_model: {} });
    expect(pending.drain().size).toBe(0);
  });

  it('leaves nothing pending once drained', () => {
    const pending = new PendingUsage('i1');
    pending.add(key, 0, cost(1), null);
    pending.drain();
    expect(pending.drain().size).toBe(0);
  });

  it('keeps a model named __proto__ as a model', () => {
    const pending = new PendingUsage('i1');
    pending.add(key, 0, cost(1), '__proto__');
    const [event] = pending.drain().get('k1') ?? [];
    expect(Object.keys(event.data.by_model)).toEqual(['__proto__']);
  });

  it('counts admitted resolutions by model, and refusals by code in batches of their own', () => {
    const pending = new PendingUsage('i1');
    const at0 = at('2026-03-10T12:00:05Z');
    pending.admitted(key, at0, 'm1');
    pending.admitted(key, at0, null);
    pending.refused(key, at('2026-03-10T12:00:50Z'), 'm1', 'limit_exceeded');
    pending.refused(key, at0, null, 'key_disabled');
    const [usage, refusals, ...none] = pending.drain().get('k1') ?? [];
    expect(none).toEqual([]);
    expect(usage.data).toMatchObject({
      to: '2026-03-10T12:00:05.000Z',
      requests: 2,
      refused: {},
      by_model: { m1: { requests: 1, reports: 0, refused: {} } },
    });
    expect(refusals.data).toMatchObject({
      from: '2026-03-10T12:00:05.000Z',
      to: '2026-03-10T12:00:50.000Z',
      requests: 0,
      cost: 0,
      refused: { limit_exceeded: 1, key_disabled: 1 },
      by_model: { m1: { requests: 0, reports: 0, refused: { limit_exceeded: 1 } } },
    });
  });
});
