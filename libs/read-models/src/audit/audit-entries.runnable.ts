import { RecordedEvent } from '@keyledger/event-store';
import { KEY_DOCUMENTS } from '../keys/key.document';
import { keyProjection } from '../keys/key.projection';
import { runnable, RunnableProjection } from '../projection/runnable-projection';
import { ReadStore } from '../store/read-store.port';
import { auditEntries, auditEntryProjection, KeyOwner } from './audit-entry.projection';

const keyIdOf = (event: RecordedEvent): string | null =>
  typeof event.data.key_id === 'string' ? event.data.key_id : null;

/**
 * The owners of the batch's keys: from the keys read model, which the runner brings up to the
 * batch before the audit log (ALL_PROJECTIONS' order), else from a KeyCreated in the batch.
 */
async function keyOwners(
  store: ReadStore,
  events: readonly RecordedEvent[],
): Promise<Map<string, KeyOwner>> {
  const ids = [...new Set(events.flatMap((event) => keyIdOf(event) ?? []))];
  const owners = new Map<string, KeyOwner>();
  for (const [id, key] of await store.collection(KEY_DOCUMENTS).getMany(ids))
    owners.set(id, { audience: key.audience, owner_user_id: key.owner_user_id });
  for (const event of events) {
    const id = keyIdOf(event);
    if (id === null || owners.has(id) || event.type !== 'KeyCreated') continue;
    const { apply: keyOf } = keyProjection;
    const key = keyOf(null, event);
    if (key) owners.set(id, { audience: key.audience, owner_user_id: key.owner_user_id });
  }
  return owners;
}

/**
 * The audit log as the runner applies it: the batch's key owners are read once, then the pure
 * projection files each entry under its key's audience and owner, so a caller's log is an
 * indexed query per audience instead of a list of every key id it covers.
 */
export const auditEntriesRunnable: RunnableProjection = {
  name: auditEntryProjection.name,
  streamPrefixes: auditEntryProjection.streamPrefixes,
  async applyEvents(store, events) {
    if (events.length === 0) return;
    const owners = await keyOwners(store, events);
    await runnable(auditEntries((id) => owners.get(id) ?? null)).applyEvents(store, events);
  },
  dropDocuments: (store) => store.collection(auditEntryProjection.collection).drop(),
};
