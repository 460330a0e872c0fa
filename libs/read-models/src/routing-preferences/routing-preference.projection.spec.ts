import {
  DefaultOwner,
  DefaultPreferenceEvent,
  defaultOwnerStream,
  RoutingPreferenceEvent,
  routingPreferenceStream,
} from '@keyledger/domain';
import { recordedEvent } from '@keyledger/event-store/testing';
import { history, occurredAt, project } from '../testing/history';
import { preferenceCreated } from '../testing/routing-preference-events';
import { RoutingPreferenceDocument } from './routing-preference.document';
import { routingPreferenceProjection } from './routing-preference.projection';

const T = '2026-02-01T00:00:00.000Z';
const team: DefaultOwner = { kind: 'org', org_id: 'org_1' };

const streamOf = (event: RoutingPreferenceEvent | DefaultPreferenceEvent): string =>
  event.type === 'DefaultPreferenceSet' || event.type === 'DefaultPreferenceCleared'
    ? defaultOwnerStream(event.data.owner)
    : routingPreferenceStream(event.data.preference_id);

/** The preference documents after the events, each on its own stream. */
const preferencesAfter = (
  ...events: readonly (RoutingPreferenceEvent | DefaultPreferenceEvent)[]
) =>
  project(
    routingPreferenceProjection,
    history(...events.map((event) => [streamOf(event), event] as const)),
  );

const created: RoutingPreferenceDocument = {
  id: 'p1',
  name: 'Preference p1',
  description: null,
  scope: 'team',
  author_user_id: 'user_1',
  org_id: 'org_1',
  audience: 'org:org_1',
  rules: preferenceCreated('p1').data.rules,
  examples: [],
  confidence_floor_overrides: {},
  enabled: true,
  is_default: false,
  deleted: false,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: occurredAt(1),
  deleted_at: null,
};

describe('routingPreferenceProjection', () => {
  it('creates a team preference visible to its org', () => {
    expect(preferencesAfter(preferenceCreated('p1')).get('p1')).toEqual(created);
  });

  it('makes a personal preference visible to its author only', () => {
    expect(
      preferencesAfter(preferenceCreated('p1', { scope: 'personal', org_id: null })).get('p1'),
    ).toMatchObject({ scope: 'personal', org_id: null, audience: 'user:user_1' });
  });

  it.each<[string, RoutingPreferenceEvent, Partial<RoutingPreferenceDocument>]>([
    [
      'RoutingPreferenceUpdated (only the named fields)',
      {
        type: 'RoutingPreferenceUpdated',
        data: {
          preference_id: 'p1',
          name: 'SQL first',
          examples: [{ prompt: 'select', expected_mode: 'code' }],
          updated_at: T,
        },
      },
      { name: 'SQL first', examples: [{ prompt: 'select', expected_mode: 'code' }] },
    ],
    [
      'RoutingPreferenceUpdated (clearing the description and rules)',
      {
        type: 'RoutingPreferenceUpdated',
        data: {
          preference_id: 'p1',
          description: null,
          rules: [],
          confidence_floor_overrides: { code: 0.6 },
          updated_at: T,
        },
      },
      { rules: [], confidence_floor_overrides: { code: 0.6 } },
    ],
    [
      'RoutingPreferenceDisabled',
      { type: 'RoutingPreferenceDisabled', data: { preference_id: 'p1', disabled_at: T } },
      { enabled: false },
    ],
    [
      'RoutingPreferenceDeleted',
      { type: 'RoutingPreferenceDeleted', data: { preference_id: 'p1', deleted_at: T } },
      { deleted: true, deleted_at: T },
    ],
  ])('applies %s', (_type, event, changes) => {
    expect(preferencesAfter(preferenceCreated('p1'), event).get('p1')).toEqual({
      ...created,
      ...changes,
      updated_at: occurredAt(2),
    });
  });

  it('applies RoutingPreferenceEnabled after RoutingPreferenceDisabled', () => {
    const disabled: RoutingPreferenceEvent = {
      type: 'RoutingPreferenceDisabled',
      data: { preference_id: 'p1', disabled_at: T },
    };
    const enabled: RoutingPreferenceEvent = {
      type: 'RoutingPreferenceEnabled',
      data: { preference_id: 'p1', enabled_at: T },
    };
    expect(preferencesAfter(preferenceCreated('p1'), disabled, enabled).get('p1')).toEqual({
      ...created,
      updated_at: occurredAt(3),
    });
  });

  it('marks the default, and demotes the previous one on promotion', () => {
    const promoted = preferencesAfter(
      preferenceCreated('p1'),
      preferenceCreated('p2'),
      {
        type: 'DefaultPreferenceSet',
        data: { owner: team, preference_id: 'p1', previous_preference_id: null },
      },
      {
        type: 'DefaultPreferenceSet',
        data: { owner: team, preference_id: 'p2', previous_preference_id: 'p1' },
      },
    );
    expect(promoted.get('p1')).toMatchObject({ is_default: false, updated_at: occurredAt(4) });
    expect(promoted.get('p2')).toMatchObject({ is_default: true, updated_at: occurredAt(4) });
  });

  it('unmarks a cleared default', () => {
    const after = preferencesAfter(
      preferenceCreated('p1'),
      {
        type: 'DefaultPreferenceSet',
        data: { owner: team, preference_id: 'p1', previous_preference_id: null },
      },
      { type: 'DefaultPreferenceCleared', data: { owner: team, preference_id: 'p1' } },
    );
    expect(after.get('p1')).toEqual({ ...created, updated_at: occurredAt(3) });
  });

  it('ignores events about preferences it never saw created', () => {
    expect(
      preferencesAfter({
        type: 'RoutingPreferenceEnabled',
        data: { preference_id: 'p9', enabled_at: T },
      }).size,
    ).toBe(0);
    expect(
      preferencesAfter({
        type: 'DefaultPreferenceSet',
        data: { owner: team, preference_id: 'p9', previous_preference_id: null },
      }).size,
    ).toBe(0);
  });

  it('reads preference streams and the owners’ streams, and nothing it does not know', () => {
    expect(routingPreferenceProjection.streamPrefixes).toEqual([
      'routing_preference-',
      'org-',
      'user-',
    ]);
    expect(
      routingPreferenceProjection.documentIds(
        recordedEvent({ stream: 'org-org_1', type: 'OrgRenamed' }),
      ),
    ).toEqual([]);
  });
});
