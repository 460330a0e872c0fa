import { EventStoreError, isTransientStoreError } from './event-store-error';

describe('EventStoreError', () => {
  it('calls timeouts, unavailability and a moved leader transient, the rest permanent', () => {
    const transient = (['deadline_exceeded', 'unavailable', 'not_leader'] as const).map(
      (kind) => new EventStoreError(kind, kind),
    );
    const permanent = (['stream_deleted', 'max_append_size', 'access_denied'] as const).map(
      (kind) => new EventStoreError(kind, kind),
    );
    expect(transient.map(isTransientStoreError)).toEqual([true, true, true]);
    expect(permanent.map(isTransientStoreError)).toEqual([false, false, false]);
    expect(isTransientStoreError(new Error('unavailable'))).toBe(false);
  });

  it('keeps the adapter error it stands for as its cause', () => {
    const cause = new Error('14 UNAVAILABLE: No connection established');
    expect(new EventStoreError('unavailable', 'down', { cause }).cause).toBe(cause);
  });
});
