import {
  AuditEntry,
  KeyledgerClient,
  TreeHead,
  verifyInclusion,
  verifyTreeHead,
} from '@keyledger/client';

/** The latest signed tree head, and whether its signature checks out against a listed key. */
export interface CheckedHead {
  readonly head: TreeHead;
  readonly verified: boolean;
}

/** Reads the latest head and checks its Ed25519 signature here, in the browser. */
export async function checkedTreeHead(client: KeyledgerClient): Promise<CheckedHead> {
  const [{ data: head }, { data: keys }] = await Promise.all([
    client.audit.treeHead(),
    client.audit.publicKeys(),
  ]);
  const key = keys.find((candidate) => candidate.key_id === head.key_id);
  return { head, verified: key !== undefined && (await verifyTreeHead(head, key)) };
}

/** What checking one entry found. */
export interface InclusionCheck {
  readonly treeSize: number;
  readonly headVerified: boolean;
  readonly included: boolean;
}

/**
 * Checks, as an auditor would, that the event behind an audit entry is in the signed tree: the
 * leaf is rebuilt from the key's history (not taken from the proof), and the proof's path must
 * lead from it to the root of a head whose signature verifies.
 */
export async function checkInclusion(
  client: KeyledgerClient,
  entry: AuditEntry,
): Promise<InclusionCheck> {
  if (entry.key_id === null) throw new Error('Only key events can be checked here.');
  const [{ head, verified }, history] = await Promise.all([
    checkedTreeHead(client),
    client.keys.history(entry.key_id),
  ]);
  const event = history.data.find((candidate) => candidate.id === entry.id);
  if (event === undefined) throw new Error('The event is not in the key’s history.');
  const { data: proof } = await client.audit.inclusionProof({
    event_id: entry.id,
    tree_size: head.tree_size,
  });
  const leaf = {
    id: event.id,
    stream: entry.stream,
    revision: event.revision,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    recorded_at: event.recorded_at,
  };
  return {
    treeSize: head.tree_size,
    headVerified: verified,
    included: await verifyInclusion(leaf, proof, head),
  };
}
