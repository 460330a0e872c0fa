import {
  ANY,
  AllStreamRecordedEvent,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { WrongExpectedRevisionError } from '../expected-revision';
import { testMetadata } from '../testing/fixtures';
import { esdbEvent } from '../testing/esdb-event.fixture';
import {
  fromEsdbEvent,
  toEsdbExpectedRevision,
  toEsdbPosition,
  toReadPosition,
  toSafeNumber,
  toServerFilter,
  toWrongExpectedRevision,
} from './esdb-mapping';

const metadata = testMetadata();

describe('toEsdbExpectedRevision', () => {
  it.each([
    ['no_stream', NO_STREAM],
    ['any', ANY],
    ['exists', STREAM_EXISTS],
    [0, 0n],
    [41, 41n],
  ] as const)('maps %s', (expected, mapped) => {
    expect(toEsdbExpectedRevision(expected)).toBe(mapped);
  });
});

describe('toSafeNumber', () => {
  it('converts what fits', () => {
    expect(toSafeNumber(BigInt(Number.MAX_SAFE_INTEGER), 'position')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses what would lose precision', () => {
    expect(() => toSafeNumber(BigInt(Number.MAX_SAFE_INTEGER) + 1n, 'position')).toThrow(
      RangeError,
    );
  });
});

describe('toEsdbPosition', () => {
  it('uses the commit position for both halves', () => {
    expect(toEsdbPosition(99)).toEqual({ commit: 99n, prepare: 99n });
  });
});

describe('toReadPosition', () => {
  it('starts at the beginning for position 0', () => {
    expect(toReadPosition(0)).toBe(START);
  });

  it('starts at the event of a later position (reads include it, subscriptions do not)', () => {
    expect(toReadPosition(42)).toEqual({ commit: 42n, prepare: 42n });
  });
});

describe('toWrongExpectedRevision', () => {
  const conflict = (current: bigint | typeof NO_STREAM): WrongExpectedVersionError =>
    new WrongExpectedVersionError(undefined, { streamName: 'key-1', expected: 0n, current });

  it('carries a numeric actual revision', () => {
    const error = toWrongExpectedRevision('key-1', 0, conflict(3n));
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({ stream: 'key-1', expected: 0, actual: 3 });
  });

  it('carries a missing stream as no_stream', () => {
    expect(toWrongExpectedRevision('key-1', 'exists', conflict(NO_STREAM))).toMatchObject({
      actual: 'no_stream',
    });
  });
});

describe('fromEsdbEvent', () => {
  it('maps an event of ours', () => {
    expect(fromEsdbEvent(esdbEvent())).toEqual({
      id: '6f1c8c52-9a55-4bd0-a1b1-6a4d8f0f4d2e',
      stream: 'key-1',
      revision: 2,
      position: 1234,
      type: 'KeyCreated',
      data: { name: 'ci' },
      metadata,
      recorded_at: '2026-01-02T03:04:05.000Z',
    });
  });

  it.each([
    ['no event', undefined],
    ['a system event', esdbEvent({ type: '$metadata' })],
    [
      'a binary event',
      esdbEvent({ isJson: false, data: new Uint8Array([1]) } as Partial<AllStreamRecordedEvent>),
    ],
    ['a JSON array', esdbEvent({ data: [1, 2] })],
  ])('skips %s', (_, event) => {
    expect(fromEsdbEvent(event)).toBeNull();
  });

  it('refuses an event without a $all position rather than inventing one', () => {
    expect(() =>
      fromEsdbEvent(
        esdbEvent({ position: undefined } as unknown as Partial<AllStreamRecordedEvent>),
      ),
    ).toThrow(/no \$all position/);
  });
});

describe('toServerFilter', () => {
  const checkpointReached = (): void => undefined;

  it('filters on stream prefixes first', () => {
    expect(
      toServerFilter({ streamPrefixes: ['key-'], eventTypes: ['KeyCreated'] }, checkpointReached),
    ).toMatchObject({ filterOn: 'streamName', prefixes: ['key-'] });
  });

  it('filters on event types when no stream prefix is given', () => {
    expect(toServerFilter({ eventTypes: ['KeyCreated'] }, checkpointReached)).toMatchObject({
      filterOn: 'eventType',
      prefixes: ['KeyCreated'],
    });
  });

  it('excludes system events otherwise', () => {
    expect(toServerFilter({ streamPrefixes: [] }, checkpointReached)).toMatchObject({
      filterOn: 'eventType',
      regex: expect.stringContaining('$'),
    });
  });

  it('passes checkpointReached on every filter, so a narrow one need not rescan after a drop', () => {
    for (const filter of [
      { streamPrefixes: ['key-'] },
      { eventTypes: ['KeyCreated'] },
      undefined,
    ]) {
      expect(toServerFilter(filter, checkpointReached)).toMatchObject({ checkpointReached });
    }
  });
});
