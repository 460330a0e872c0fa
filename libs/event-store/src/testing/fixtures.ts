import { EventMetadata, RecordedEvent } from '../event-store.port';

/** Metadata as a command handler would record it. */
export const testMetadata = (overrides: Partial<EventMetadata> = {}): EventMetadata => ({
  actor: { kind: 'user', id: 'user_1' },
  org_id: 'org_1',
  request_id: 'req_1',
  correlation_id: 'corr_1',
  causation_id: null,
  ip: '127.0.0.1',
  user_agent: 'contract-test',
  occurred_at: '2026-01-01T00:00:00.000Z',
  schema_version: 1,
  ...overrides,
});

/** A stored event for tests that need one without a store. */
export const recordedEvent = (overrides: Partial<RecordedEvent> = {}): RecordedEvent => ({
  id: `event-${overrides.position ?? 1}`,
  stream: 'key-1',
  revision: 0,
  position: 1,
  type: 'Happened',
  data: {},
  metadata: testMetadata(),
  recorded_at: '2026-01-01T00:00:00.000Z',
  ...overrides,
});
