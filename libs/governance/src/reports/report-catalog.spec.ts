import { NO_KEY_POLICY, OrgKeyPolicy } from '@keyledger/domain';
import { fromArray } from '../testing/async-iterables';
import { KNOWN_KEYS, NOW } from '../testing/governed-keys';
import { Report, ReportSources, REPORTS } from './report-catalog';

const nothing = () => {
  throw new Error('not read by this report');
};

describe('the policy-violations report', () => {
  it('reads only the keys of orgs whose policy sets a rule, org by org', async () => {
    const policies: Record<string, OrgKeyPolicy> = {
      org_1: NO_KEY_POLICY,
      org_2: { ...NO_KEY_POLICY, require_limit: true },
      org_3: { ...NO_KEY_POLICY, require_ip_allowlist: true },
    };
    const read: string[] = [];
    const sources: ReportSources = {
      now: NOW,
      keys: nothing,
      keyStates: nothing,
      revocations: nothing,
      keyOrgs: async () => ['org_1', 'org_2', 'org_3'],
      orgKeys: (org) => {
        read.push(org);
        const live = KNOWN_KEYS.map((key) => ({ ...key, expires_at: null, revoked: false }));
        return fromArray(live.filter((key) => key.org_id === org));
      },
      policyOf: async (org) => policies[org],
    };
    const report: Report = REPORTS['policy-violations'];
    const rows = await report.run(sources, {});
    expect(read).toEqual(['org_2', 'org_3']);
    expect(rows.map(({ key_id, rule }) => [key_id, rule])).toEqual([['expired', 'require_limit']]);
  });
});
