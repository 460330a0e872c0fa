import { DefaultOwner, DefaultPreferenceEvent, defaultOwnerStream } from '@keyledger/domain';
import { recordedEvent } from '@keyledger/event-store/testing';
import { history, occurredAt, project } from '../testing/history';
import { defaultPreferenceProjection } from './default-preference.projection';

const org: DefaultOwner = { kind: 'org', org_id: 'org_1' };
const user: DefaultOwner = { kind: 'user', user_id: 'user_1' };

const set = (
  owner: DefaultOwner,
  preference_id: string,
  previous_preference_id: string | null = null,
): DefaultPreferenceEvent => ({
  type: 'DefaultPreferenceSet',
  data: { owner, preference_id, previous_preference_id },
});
const cleared = (owner: DefaultOwner, preference_id: string): DefaultPreferenceEvent => ({
  type: 'DefaultPreferenceCleared',
  data: { owner, preference_id },
});

const defaultsAfter = (...events: readonly DefaultPreferenceEvent[]) =>
  project(
    defaultPreferenceProjection,
    history(...events.map((event) => [defaultOwnerStream(event.data.owner), event] as const)),
  );

describe('defaultPreferenceProjection', () => {
  it('keeps one default per owner, org and user apart', () => {
    expect([...defaultsAfter(set(org, 'p1'), set(user, 'p2')).values()]).toEqual([
      {
        id: 'org:org_1',
        owner_kind: 'org',
        owner_id: 'org_1',
        preference_id: 'p1',
        updated_at: occurredAt(1),
      },
      {
        id: 'user:user_1',
        owner_kind: 'user',
        owner_id: 'user_1',
        preference_id: 'p2',
        updated_at: occurredAt(2),
      },
    ]);
  });

  it('replaces the default on promotion', () => {
    expect(
      defaultsAfter(set(org, 'p1'), set(org, 'p2', 'p1')).get('org:org_1')?.preference_id,
    ).toBe('p2');
  });

  it('keeps the owner with no default once cleared', () => {
    expect(defaultsAfter(set(org, 'p1'), cleared(org, 'p1')).get('org:org_1')).toEqual({
      id: 'org:org_1',
      owner_kind: 'org',
      owner_id: 'org_1',
      preference_id: null,
      updated_at: occurredAt(2),
    });
  });

  it('leaves a newer default alone when an older one is cleared', () => {
    expect(
      defaultsAfter(set(org, 'p1'), set(org, 'p2', 'p1'), cleared(org, 'p1')).get('org:org_1')
        ?.preference_id,
    ).toBe('p2');
  });

  it('follows only the owners’ default events', () => {
    expect(defaultPreferenceProjection.streamPrefixes).toEqual(['org-', 'user-']);
    expect(
      defaultPreferenceProjection.documentIds(
        recordedEvent({ stream: 'org-org_1', type: 'OrgRenamed' }),
      ),
    ).toEqual([]);
  });
});
