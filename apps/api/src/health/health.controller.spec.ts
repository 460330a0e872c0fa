import { FastifyReply } from 'fastify';
import { EventStore, SubscriptionDrop, SubscriptionHealth } from '@keyledger/event-store';
import { HealthController } from './health.controller';

const drop = (permanent: boolean): SubscriptionDrop => ({
  kind: permanent ? 'access_denied' : 'unavailable',
  message: 'connection to 10.0.0.5:2113 reset',
  permanent,
  position: 1024,
  attempt: 1,
  retryInMs: permanent ? null : 100,
});

/** The controller over a store that has only its subscription health (all /health reads). */
function check(health: SubscriptionHealth): { status: number; body: unknown } {
  const reply = { statusCode: 200, status: (code: number) => ((reply.statusCode = code), reply) };
  const body = new HealthController({ subscriptionHealth: health } as EventStore).health(
    reply as unknown as FastifyReply,
  );
  return { status: reply.statusCode, body };
}

describe('GET /health', () => {
  it('is ok, degraded while a subscription retries, and 503 failing once one gave up', () => {
    const health = new SubscriptionHealth();
    expect(check(health)).toEqual({
      status: 200,
      body: { status: 'ok', event_store: { subscriptions: 'ok', subscription_drops_total: 0 } },
    });
    health.dropped({}, drop(false));
    expect(check(health)).toEqual({
      status: 200,
      body: {
        status: 'degraded',
        event_store: { subscriptions: 'degraded', subscription_drops_total: 1 },
      },
    });
    health.dropped({}, drop(true));
    expect(check(health)).toMatchObject({ status: 503, body: { status: 'failing' } });
  });

  it('names no host and no error message: anyone may call it', () => {
    const health = new SubscriptionHealth();
    health.dropped({}, drop(true));
    expect(JSON.stringify(check(health).body)).not.toMatch(/10\.0\.0\.5|reset/);
  });
});
