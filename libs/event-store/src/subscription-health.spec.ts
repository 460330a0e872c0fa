import { logSubscriptionDrops, SubscriptionDrop, SubscriptionHealth } from './subscription-health';

const drop = (overrides: Partial<SubscriptionDrop> = {}): SubscriptionDrop => ({
  kind: 'unavailable',
  message: 'connection reset',
  permanent: false,
  position: 42,
  attempt: 1,
  retryInMs: 100,
  ...overrides,
});

describe('SubscriptionHealth', () => {
  it('is degraded while a subscription retries, ok again once it delivers', () => {
    const health = new SubscriptionHealth();
    const [a, b] = [{}, {}];
    expect(health.report()).toEqual({ status: 'ok', drops_total: 0, last_drop: null });
    health.dropped(a, drop());
    health.dropped(b, drop({ attempt: 2 }));
    health.recovered(a);
    expect(health.report()).toMatchObject({ status: 'degraded', drops_total: 2 });
    health.recovered(b);
    expect(health.report()).toMatchObject({ status: 'ok', drops_total: 2 });
  });

  it('stays failed after a permanent drop, and tells every listener of every drop', () => {
    const health = new SubscriptionHealth();
    const heard: SubscriptionDrop[] = [];
    const stop = health.onDrop((d) => heard.push(d));
    const denied = drop({ kind: 'access_denied', permanent: true, retryInMs: null });
    const subscription = {};
    health.dropped(subscription, denied);
    health.recovered(subscription);
    stop();
    health.dropped({}, drop());
    expect(health.report()).toEqual({ status: 'failed', drops_total: 2, last_drop: drop() });
    expect(heard).toEqual([denied]);
  });
});

describe('logSubscriptionDrops', () => {
  it('warns of a drop being retried and errs on one given up, with the drop as context', () => {
    const health = new SubscriptionHealth();
    const lines: [string, object, string][] = [];
    logSubscriptionDrops(health, {
      warn: (fields, message) => lines.push(['warn', fields, message]),
      error: (fields, message) => lines.push(['error', fields, message]),
    });
    const retried = drop();
    const given = drop({ kind: 'access_denied', permanent: true, retryInMs: null });
    health.dropped({}, retried);
    health.dropped({}, given);
    expect(lines).toEqual([
      ['warn', { drop: retried }, expect.stringContaining('resubscribing in 100 ms')],
      ['error', { drop: given }, expect.stringContaining('failed for good')],
    ]);
  });
});
