import { RoutingPreferenceEvent } from '@keyledger/domain';
import { recordedEvent, testMetadata } from '@keyledger/event-store/testing';
import { foldEvents } from '../projection/fold-events';
import { history, occurredAt, project } from '../testing/history';
import { keyCreated, keyRenamed } from '../testing/key-events';
import { auditEntries, auditEntryProjection } from './audit-entry.projection';

const deleted: RoutingPreferenceEvent = {
  type: 'RoutingPreferenceDeleted',
  data: { preference_id: 'p1', deleted_at: occurredAt(3) },
};

describe('auditEntryProjection', () => {
  const events = history(
    ['key-k1', keyCreated('k1')],
    ['key-k1', keyRenamed('k1', 'CI')],
    ['routing_preference-p1', deleted],
  );
  const owners = auditEntries((keyId) =>
    keyId === 'k1' ? { audience: 'org:org_1', owner_user_id: 'user_1' } : null,
  );
  const entries = project(owners, events);

  it('writes one entry per event, with who, when, from where and what', () => {
    expect(entries.get('event-2')).toEqual({
      id: 'event-2',
      position: 2,
      stream: 'key-k1',
      event_type: 'KeyRenamed',
      key_id: 'k1',
      key_audience: 'org:org_1',
      key_owner_user_id: 'user_1',
      preference_id: null,
      actor_kind: 'user',
      actor_id: 'user_1',
      org_id: 'org_1',
      occurred_at: occurredAt(2),
      recorded_at: '2026-01-01T00:00:00.000Z',
      request_id: 'req_1',
      correlation_id: 'corr_1',
      causation_id: null,
      ip: '127.0.0.1',
      user_agent: 'contract-test',
      summary: 'Renamed key "Key k1" to "CI"',
      data: events[1].data,
    });
    expect([...entries.keys()]).toEqual(['event-1', 'event-2', 'event-3']);
  });

  it('files an entry under no owner when its key is unknown, as history and exports make them', () => {
    expect(project(auditEntryProjection, events).get('event-2')).toMatchObject({
      key_id: 'k1',
      key_audience: null,
      key_owner_user_id: null,
    });
  });

  it('names the preference an event is about', () => {
    expect(entries.get('event-3')).toMatchObject({
      key_id: null,
      preference_id: 'p1',
      summary: 'Deleted routing preference',
    });
  });

  it('records an API key actor and an event type it does not know', () => {
    const event = recordedEvent({
      id: 'e9',
      type: 'KeyUsageRecorded',
      data: { key_id: 'k1' },
      metadata: testMetadata({ actor: { kind: 'api_key', id: 'k2' } }),
    });
    expect(project(auditEntryProjection, [event]).get('e9')).toMatchObject({
      actor_kind: 'api_key',
      actor_id: 'k2',
      key_id: 'k1',
      summary: 'KeyUsageRecorded',
    });
  });

  it('never changes an entry once written', () => {
    const [first] = events;
    const stored = new Map([
      [
        first.id,
        { document: { ...entries.get(first.id)!, summary: 'as first written' }, position: 0 },
      ],
    ]);
    expect(foldEvents(auditEntryProjection, stored, [first])).toEqual([]);
  });

  it('reads every governance stream', () => {
    expect(auditEntryProjection.streamPrefixes).toEqual([
      'key-',
      'routing_preference-',
      'key_limit_alert-',
      'org-',
      'user-',
    ]);
  });
});
