import { auditEntry } from '../testing/audit-entries';
import { collect, fromArray } from '../testing/async-iterables';
import { recentRevocations } from './recent-revocations';

const revoked = (key_id: string, revoked_at: string, reason: string | null, actorId: string) =>
  auditEntry({
    id: `evt_${key_id}`,
    key_id,
    actor_kind: 'api_key',
    actor_id: actorId,
    org_id: 'org_1',
    data: { key_id, reason, revoked_at },
  });

describe('recentRevocations', () => {
  it('lists revocations since a time with who did it and why, skipping other entries', async () => {
    const entries = fromArray([
      revoked('k_old', '2026-05-01T00:00:00.000Z', 'rotated out', 'k_admin'),
      auditEntry({
        event_type: 'KeyDisabled',
        data: { key_id: 'k1', reason: 'x', disabled_at: '2026-06-10T00:00:00.000Z' },
      }),
      revoked('k1', '2026-06-01T00:00:00.000Z', 'leaked in a public repo', 'k_admin'),
      revoked('k2', '2026-06-20T09:30:00.000Z', null, 'k_ci'),
    ]);
    expect(await collect(recentRevocations(entries, new Date('2026-06-01T00:00:00.000Z')))).toEqual(
      [
        {
          key_id: 'k1',
          revoked_at: '2026-06-01T00:00:00.000Z',
          actor_kind: 'api_key',
          actor_id: 'k_admin',
          org_id: 'org_1',
          reason: 'leaked in a public repo',
        },
        {
          key_id: 'k2',
          revoked_at: '2026-06-20T09:30:00.000Z',
          actor_kind: 'api_key',
          actor_id: 'k_ci',
          org_id: 'org_1',
          reason: null,
        },
      ],
    );
  });
});
