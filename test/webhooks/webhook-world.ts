import { setTimeout as delay } from 'node:timers/promises';
import { SIGNATURE_HEADER } from '@keyledger/webhooks';
import { startWebhookReceiver, WebhookReceiver } from '@keyledger/webhooks/testing';
import { KeyledgerClient } from '@keyledger/client';
import { authOf, Caller, Client } from '../routing-preferences/routing-world';
import { eventCount } from '../support/event-count';
import { call } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';

/** The server key every test instance derives signing secrets from. */
export const TEST_WEBHOOK_KEY = 'e2e-webhook-server-key-0123456789-abcdef';

/** A subscription as the API returns it. */
export interface Webhook {
  id: string;
  url: string;
  event_types: string[];
  scope: 'personal' | 'org';
  org_id: string | null;
  secret_version: number;
  [field: string]: unknown;
}

/** One line of the delivery log as the API returns it. */
export interface DeliveryLine {
  event_id: string;
  event_type: string;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  attempt_log: {
    attempt: number;
    attempted_at: string;
    duration_ms: number;
    status_code: number | null;
    error: string | null;
    outcome: string;
  }[];
}

/** What a receiver got, parsed. */
export interface Received {
  readonly eventId: string;
  readonly type: string;
  readonly keyId: string;
  readonly signature: string;
  readonly attempt: number;
  readonly body: string;
}

/**
 * The running app with webhook settings, a real receiver on a loopback port, and the routing
 * tests' cast: org_a (alice: every permission; carol: manageApiKeys; dave: none), org_b (bob).
 */
export interface WebhookWorld {
  readonly app: TestApp;
  readonly receiver: WebhookReceiver;
  readonly alice: Client;
  readonly carol: Client;
  readonly dave: Client;
  readonly bob: Client;
  readonly anonymous: Client;
  as(caller: Caller): Client;
  /** How many events the store holds. */
  events(): number;
  /** Every request the receiver got so far, parsed. */
  received(): Received[];
  /** Stops the app (keeping the data directory) and starts it again on the same directory. */
  restart(env?: Record<string, string>): Promise<WebhookWorld>;
  /** Stops the app and the receiver, and removes the data directory. */
  close(): Promise<void>;
}

/** Starts the app (embedded default, WEBHOOKS=on) and a receiver. */
export async function startWebhookWorld(
  options: {
    env?: Record<string, string>;
    dataDir?: string;
    receiver?: WebhookReceiver;
  } = {},
): Promise<WebhookWorld> {
  const receiver = options.receiver ?? (await startWebhookReceiver());
  const app = await startTestApp({
    dataDir: options.dataDir,
    // The receiver listens on loopback, which webhooks refuse unless allowed.
    env: {
      WEBHOOK_SECRET_KEY: TEST_WEBHOOK_KEY,
      WEBHOOK_ALLOW_PRIVATE_TARGETS: '127.0.0.0/8',
      ...options.env,
    },
  });
  const as = (auth: Caller): Client => ({
    api: new KeyledgerClient({ baseUrl: app.baseUrl, auth: authOf(auth) }),
    get: (path) => call(app.baseUrl, 'GET', path, { auth }),
    send: (method, path, body, headers) => call(app.baseUrl, method, path, { auth, body, headers }),
  });
  const tokenOf = (sub: string, org: string, permissions: string[]) =>
    app.token(sub, { orgs: [{ id: org, permissions }] });
  const everything = ['manageApiKeys', 'manageRouting'];
  return {
    app,
    receiver,
    alice: as(await tokenOf('alice', 'org_a', everything)),
    carol: as(await tokenOf('carol', 'org_a', ['manageApiKeys'])),
    dave: as(await tokenOf('dave', 'org_a', [])),
    bob: as(await tokenOf('bob', 'org_b', everything)),
    anonymous: as(undefined),
    as,
    events: () => eventCount(app.dataDir),
    received: () => receiver.received.map(parseReceived),
    restart: async (env = {}) => {
      await app.close({ keepData: true });
      return startWebhookWorld({ env: { ...options.env, ...env }, dataDir: app.dataDir, receiver });
    },
    close: async () => {
      await app.close();
      await receiver.close();
    },
  };
}

function parseReceived({ headers, body }: WebhookReceiver['received'][number]): Received {
  const payload = JSON.parse(body) as { id: string; type: string; data: { key_id: string } };
  return {
    eventId: payload.id,
    type: payload.type,
    keyId: payload.data.key_id,
    signature: String(headers[SIGNATURE_HEADER]),
    attempt: Number(headers['x-keyledger-delivery-attempt']),
    body,
  };
}

/** Subscribes the receiver and returns the subscription and its secret (fails unless 201). */
export async function subscribe(
  client: Client,
  url: string,
  body: Record<string, unknown> = {},
): Promise<{ webhook: Webhook; secret: string }> {
  const created = await client.send<{ data: Webhook; secret: string }>('POST', '/api/v1/webhooks', {
    url,
    event_types: ['key.created', 'key.disabled', 'key.revoked'],
    ...body,
  });
  expect(created.status).toBe(201);
  return { webhook: created.body.data, secret: created.body.secret };
}

/** The delivery log of a subscription (fails unless 200). */
export async function deliveryLog(client: Client, webhookId: string): Promise<DeliveryLine[]> {
  const log = await client.get<{ data: DeliveryLine[] }>(
    `/api/v1/webhooks/${webhookId}/deliveries`,
  );
  expect(log.status).toBe(200);
  return log.body.data;
}

/** Resolves once `condition` holds, asking again every 20 ms; Jest's timeout bounds the wait. */
export async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await delay(20);
}

/** Gives the worker time to deliver what it should not: for "nothing more arrives" checks. */
export const settle = (): Promise<void> => delay(400);
