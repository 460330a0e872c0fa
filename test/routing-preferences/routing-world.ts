import {
  Auth,
  CreateKeyRequest,
  CreateRoutingPreferenceRequest,
  Key,
  KeyledgerClient,
  RoutingPreference,
} from '@keyledger/client';
import { keyStream } from '@keyledger/domain';
import { EventMetadata, EventStore, NewEvent, RecordedEvent } from '@keyledger/event-store';
import { ProjectionRunner } from '@keyledger/read-models';
import { EVENT_STORE } from '../../apps/api/src/infrastructure/tokens';
import { eventCount } from '../support/event-count';
import { call, Exchange } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';

const SYSTEM_METADATA: EventMetadata = {
  actor: { kind: 'system', id: 'e2e' },
  org_id: null,
  request_id: null,
  correlation_id: null,
  causation_id: null,
  ip: null,
  user_agent: null,
  occurred_at: new Date().toISOString(),
  schema_version: 1,
};

/** A preference as the API returns it. */
export type Preference = RoutingPreference;

/** Who calls: a bearer token, an API key secret, or nobody. */
export type Caller = string | { apiKey: string } | undefined;

/** One HTTP client bound to a caller: raw `get`/`send`, and the typed `api`. */
export interface Client {
  /** The typed client, for well-formed requests; `get`/`send` stay for raw HTTP. */
  readonly api: KeyledgerClient;
  get<T = Record<string, unknown>>(path: string): Promise<Exchange<T>>;
  send<T = Record<string, unknown>>(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Exchange<T>>;
}

/**
 * The running app and its cast: org_a (alice: manageApiKeys + manageRouting; carol: manageApiKeys
 * only; dave: no permission) and org_b (bob: everything).
 */
export interface World {
  readonly app: TestApp;
  readonly alice: Client;
  readonly carol: Client;
  readonly dave: Client;
  readonly bob: Client;
  readonly anonymous: Client;
  as(caller: Caller): Client;
  /** How many events the store holds. */
  events(): number;
  /** The events of one key's stream. */
  keyEvents(keyId: string): Promise<RecordedEvent[]>;
  /** Appends an event behind the API's back (a crash simulation) and waits for the read models. */
  appendAndSettle(stream: string, event: NewEvent): Promise<void>;
}

/** Starts the app (embedded default, with any extra settings) and signs the cast's tokens. */
export async function startWorld(env: Record<string, string> = {}): Promise<World> {
  const app = await startTestApp({ env });
  const as = (auth: Caller): Client => ({
    api: new KeyledgerClient({ baseUrl: app.baseUrl, auth: authOf(auth) }),
    get: (path) => call(app.baseUrl, 'GET', path, { auth }),
    send: (method, path, body, headers) => call(app.baseUrl, method, path, { auth, body, headers }),
  });
  const store = app.app.get<EventStore>(EVENT_STORE);
  const everything = ['manageApiKeys', 'manageRouting'];
  const tokenOf = (sub: string, org: string, permissions: string[]) =>
    app.token(sub, { orgs: [{ id: org, permissions }] });
  return {
    app,
    alice: as(await tokenOf('alice', 'org_a', everything)),
    carol: as(await tokenOf('carol', 'org_a', ['manageApiKeys'])),
    dave: as(await tokenOf('dave', 'org_a', [])),
    bob: as(await tokenOf('bob', 'org_b', everything)),
    anonymous: as(undefined),
    as,
    events: () => eventCount(app.dataDir),
    keyEvents: (keyId) => store.readStream(keyStream(keyId)),
    appendAndSettle: async (stream, event) => {
      const history = await store.readStream(stream);
      const { position } = await store.append(stream, [event], {
        expectedRevision: history.length === 0 ? 'no_stream' : history.length - 1,
        metadata: SYSTEM_METADATA,
      });
      await app.app.get(ProjectionRunner).waitForPosition(position, 5_000);
    },
  };
}

/** The typed client's credentials for a caller. */
export function authOf(caller: Caller): Auth | undefined {
  if (caller === undefined) return undefined;
  return typeof caller === 'string' ? { bearer: caller } : caller;
}

/** A valid routing rule, with any field changed. */
export const rule = (changes: Record<string, unknown> = {}) => ({
  pattern: '^select\\b',
  target_mode: 'code',
  confidence: 0.8,
  ...changes,
});

/** Creates a preference and returns it (fails the test unless 201). */
export async function createPreference(
  client: Client,
  body: Partial<CreateRoutingPreferenceRequest> = {},
): Promise<Preference> {
  const created = await client.api.routingPreferences.create({
    name: 'prefer code',
    rules: [rule()],
    ...body,
  });
  expect(created.status).toBe(201);
  return created.data;
}

/** Creates a key and returns its id and secret (fails the test unless 201). */
export async function createKey(
  client: Client,
  body: Partial<CreateKeyRequest> = {},
): Promise<Key & { secret: string }> {
  const created = await client.api.keys.create({ name: 'key', ...body });
  expect(created.status).toBe(201);
  if (created.data === null || created.secret === null) throw new Error('no key or no secret');
  return { ...created.data, secret: created.secret };
}

/** Binds a key to a preference (null clears) through the typed client; refusals throw. */
export const bindKey = (client: Client, keyId: string, preferenceId: string | null) =>
  client.api.keys.routingPreference.put(keyId, { preference_id: preferenceId });

/** Binds a key to a preference (null clears) and returns the exchange. */
export const bind = (client: Client, keyId: string, preferenceId: string | null) =>
  client.send('PUT', `/api/v1/keys/${keyId}/routing-preference`, { preference_id: preferenceId });

/** The field paths a SPEC §7 validation error lists. */
export const failedFields = (exchange: Exchange): string[] =>
  (exchange.body as { error: { fields?: { field: string }[] } }).error.fields?.map(
    (f) => f.field,
  ) ?? [];
