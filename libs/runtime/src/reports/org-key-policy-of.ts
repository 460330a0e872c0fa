import { orgKeyPolicyDecider, OrgKeyPolicyState, orgStream } from '@keyledger/domain';
import { EventStore } from '@keyledger/event-store';

/** An org's key policy with the revision of the org stream it reflects (its ETag). */
export interface VersionedOrgKeyPolicy extends OrgKeyPolicyState {
  /** null while the org stream is empty. */
  readonly revision: number | null;
}

/**
 * An org's current key policy (NO_KEY_POLICY when it never set one), read from the org stream
 * itself: a key write and a report see the policy in force, never a lagging read model.
 */
export async function orgKeyPolicyOf(
  events: EventStore,
  orgId: string,
): Promise<VersionedOrgKeyPolicy> {
  const history = await events.readStream(orgStream(orgId));
  const state = history.reduce(
    (folded, event) =>
      orgKeyPolicyDecider.evolve(
        folded,
        event as unknown as Parameters<typeof orgKeyPolicyDecider.evolve>[1],
      ),
    orgKeyPolicyDecider.initialState,
  );
  return { ...state, revision: history.at(-1)?.revision ?? null };
}
