import { useQuery } from '@tanstack/react-query';
import { Empty, QueryView } from '../components/status';
import { TableFrame } from '../components/table-frame';
import { Time } from '../components/time';
import { useClient } from '../session/session-context';

const RECENT = 10;

/**
 * The latest changes of an org's key policy, from the audit log: when, who, why and what. After a
 * save it reads at the write's position, so the change just made is in the list.
 */
export function PolicyChanges({
  orgId,
  minPosition,
}: {
  readonly orgId: string;
  readonly minPosition: number | null;
}) {
  const client = useClient();
  const changes = useQuery({
    queryKey: ['key-policy', orgId, 'changes', minPosition],
    queryFn: () =>
      client.audit.list(
        { org_id: orgId, event_type: 'OrgKeyPolicySet', limit: RECENT },
        { minPosition },
      ),
  });
  return (
    <QueryView query={changes} what="the policy's changes">
      {(page) =>
        page.data.length === 0 ? (
          <Empty>No change of this policy in the audit log you may read.</Empty>
        ) : (
          <TableFrame label="Policy changes" columns={['When', 'Who', 'Reason', 'What']}>
            {page.data.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <Time value={entry.occurred_at} />
                </td>
                <td>
                  {entry.actor_kind} {entry.actor_id}
                </td>
                <td>{typeof entry.data.reason === 'string' ? entry.data.reason : '—'}</td>
                <td>{entry.summary}</td>
              </tr>
            ))}
          </TableFrame>
        )
      }
    </QueryView>
  );
}
