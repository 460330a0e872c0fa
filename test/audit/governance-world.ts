import { keyUsageStream, KeyUsageRecorded } from '@keyledger/domain';
import { EventStore } from '@keyledger/event-store';
import { EVENT_STORE } from '../../apps/api/src/infrastructure/tokens';
import { call, Exchange } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';

/** Who calls: a bearer token, an API key secret, or nobody. */
export type Caller = string | { apiKey: string } | undefined;

/** One HTTP client bound to a caller. */
export interface Client {
  get<T = Record<string, unknown>>(
    path: string,
    headers?: Record<string, string>,
  ): Promise<Exchange<T>>;
  send<T = Record<string, unknown>>(
    method: 'POST' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Exchange<T>>;
  /** A GET whose body is not JSON (an export): status, headers and text. */
  download(path: string): Promise<{ status: number; headers: Headers; text: string }>;
}

/**
 * The running app and its cast: org_a (alice and carol: manageApiKeys; dave: no permission;
 * daveAdmin: dave's token from when he still had manageApiKeys) and org_b (bob: manageApiKeys).
 */
export interface GovernanceWorld {
  readonly app: TestApp;
  readonly alice: Client;
  readonly carol: Client;
  readonly dave: Client;
  readonly daveAdmin: Client;
  readonly bob: Client;
  as(caller: Caller): Client;
  /**
   * Appends a usage batch for a key (as a resolution instance would) at `at`: `cost` credits,
   * one request. The events are the only way usage enters the system, so reports see it.
   */
  recordUsage(keyId: string, cost: number, at: Date): Promise<void>;
}

/** Starts the app (embedded default) and signs the cast's tokens. */
export async function startGovernanceWorld(): Promise<GovernanceWorld> {
  const app = await startTestApp();
  const as = (auth: Caller): Client => ({
    get: (path, headers) => call(app.baseUrl, 'GET', path, { auth, headers }),
    send: (method, path, body, headers) => call(app.baseUrl, method, path, { auth, body, headers }),
    download: async (path) => {
      const headers: Record<string, string> = {};
      if (typeof auth === 'string') headers.authorization = `Bearer ${auth}`;
      else if (auth) headers['x-api-key'] = auth.apiKey;
      const response = await fetch(`${app.baseUrl}${path}`, { headers });
      return { status: response.status, headers: response.headers, text: await response.text() };
    },
  });
  const member = (sub: string, org: string, permissions: string[]) =>
    app.token(sub, { orgs: [{ id: org, permissions }] });
  const store = app.app.get<EventStore>(EVENT_STORE);
  return {
    app,
    alice: as(await member('alice', 'org_a', ['manageApiKeys'])),
    carol: as(await member('carol', 'org_a', ['manageApiKeys'])),
    dave: as(await member('dave', 'org_a', [])),
    daveAdmin: as(await member('dave', 'org_a', ['manageApiKeys'])),
    bob: as(await member('bob', 'org_b', ['manageApiKeys'])),
    as,
    recordUsage: async (keyId, cost, at) => {
      const usage: KeyUsageRecorded = {
        type: 'KeyUsageRecorded',
        data: {
          key_id: keyId,
          instance_id: 'e2e-usage',
          from: at.toISOString(),
          to: at.toISOString(),
          requests: 1,
          cost,
          byok_cost: 0,
          by_model: {},
          limit_reset_position: null,
        },
      };
      await store.append(keyUsageStream(keyId), [usage], {
        expectedRevision: 'any',
        metadata: {
          actor: { kind: 'system', id: 'e2e' },
          org_id: null,
          request_id: null,
          correlation_id: null,
          causation_id: null,
          ip: null,
          user_agent: null,
          occurred_at: at.toISOString(),
          schema_version: 1,
        },
      });
    },
  };
}

/** A key as the create route answers it. */
export interface CreatedKey {
  readonly id: string;
  readonly hash: string;
  readonly secret: string;
}

/** Creates a key and returns its id, hash and secret (fails the test unless 201). */
export async function createKey(
  client: Client,
  body: Record<string, unknown> = {},
): Promise<CreatedKey> {
  const created = await client.send<{ data: { id: string; hash: string }; secret: string }>(
    'POST',
    '/api/v1/keys',
    { name: 'key', ...body },
  );
  expect(created.status).toBe(201);
  return { ...created.body.data, secret: created.body.secret };
}

/** Sends a key command and fails the test unless it succeeded. */
export async function change(
  client: Client,
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<Exchange> {
  const answer = await client.send(method, path, body, headers);
  expect(answer.status).toBeLessThan(300);
  return answer;
}

/** The field paths a SPEC §7 validation error lists. */
export const failedFields = (exchange: Exchange<unknown>): string[] =>
  (exchange.body as { error: { fields?: { field: string }[] } }).error.fields?.map(
    (f) => f.field,
  ) ?? [];

/** Waits a few milliseconds, so that the next event is recorded at a later time. */
export const tick = (ms = 5): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The status codes the OpenAPI document lists for `GET path`. */
export async function documentedStatuses(client: Client, path: string): Promise<string[]> {
  const { body } = await client.get<{
    paths: Record<string, { get?: { responses?: Record<string, unknown> } }>;
  }>('/openapi.json');
  return Object.keys(body.paths[path]?.get?.responses ?? {}).sort();
}
