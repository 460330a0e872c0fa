import {
  defaultOwnerStream,
  KeyEvent,
  keyStream,
  routingPreferenceStream,
} from '@keyledger/domain';
import {
  countsUsage,
  KeyUsageRecorded,
  keyUsageStream,
} from '@keyledger/domain/usage/usage.events';
import { RecordedEvent } from '@keyledger/event-store';
import { Projection, runnable, RunnableProjection } from '@keyledger/read-models';
import { CalendarWindowCache } from './calendar-windows';
import { evolveKeyEntry, newKeyState } from './key-entry';
import {
  isDefaultPreferenceEvent,
  isOrgKeyPolicyEvent,
  isKeyEvent,
  isRoutingPreferenceEvent,
  isUsageEvent,
} from './known-events';
import { policyEntryAfter } from './org-policies';
import { recordedUsage } from './recorded-usage';
import { RequestCounters } from './request-caps';
import {
  packKeyState,
  RESOLUTION_DOCUMENTS,
  ResolutionDocument,
  ResolutionKeyDocument,
  unpackKeyState,
  policyDocumentId,
} from './resolution-document';
import { defaultChoiceAfter, evolvePreference } from './routing-directory';
import { UsageLedger } from './usage-ledger';

/** The one row a key document's counters are folded in. */
const ROW = 0;
/** A key document counts its own requests; a start merges them per user. */
const THIS_KEY = 'key';
// The windows of the last day folded: a replay runs through days in order.
const windows = new CalendarWindowCache();

const asKey = (document: ResolutionDocument | null): ResolutionKeyDocument | null =>
  document?.kind === 'key' ? document : null;

/**
 * The resolution model as a checkpointed projection: one document per key (facts and counters),
 * preference and default, folded by the same functions the in-memory model uses, so that a
 * start from these documents equals a replay of every event. Run beside the other read models
 * wherever the read store outlives the process; `loadResolutionSnapshot` reads it back.
 */
export const resolutionProjection: Projection<ResolutionDocument> = {
  name: 'resolution.v2',
  collection: RESOLUTION_DOCUMENTS,
  streamPrefixes: [
    keyStream(''),
    keyUsageStream(''),
    routingPreferenceStream(''),
    defaultOwnerStream({ kind: 'org', org_id: '' }),
    defaultOwnerStream({ kind: 'user', user_id: '' }),
  ],
  documentIds: (event) => {
    if (isKeyEvent(event) || isUsageEvent(event)) return [keyStream(event.data.key_id)];
    if (isRoutingPreferenceEvent(event)) return [routingPreferenceStream(event.data.preference_id)];
    if (isDefaultPreferenceEvent(event)) return [defaultOwnerStream(event.data.owner)];
    if (isOrgKeyPolicyEvent(event)) return [policyDocumentId(event.data.org_id)];
    return [];
  },
  apply: (document, event) => {
    if (isKeyEvent(event)) return foldKeyEvent(asKey(document), event);
    if (isUsageEvent(event)) {
      const key = asKey(document);
      return key === null ? document : countUsage(key, event);
    }
    if (isRoutingPreferenceEvent(event)) {
      const current = document?.kind === 'preference' ? document.preference : undefined;
      const preference = evolvePreference(current, event);
      return preference === undefined
        ? document
        : { id: routingPreferenceStream(preference.id), kind: 'preference', preference };
    }
    if (isDefaultPreferenceEvent(event)) {
      const { owner } = event.data;
      return {
        id: defaultOwnerStream(owner),
        kind: 'default',
        owner,
        choice: defaultChoiceAfter(event),
      };
    }
    if (isOrgKeyPolicyEvent(event)) {
      const { org_id } = event.data;
      const known = document?.kind === 'policy' ? document.policy.revision : -1;
      if (event.revision <= known) return document;
      return {
        id: policyDocumentId(org_id),
        kind: 'policy',
        org_id,
        policy: policyEntryAfter(event),
      };
    }
    return document;
  },
};

/** The resolution projection, ready for a ProjectionRunner. */
export const RESOLUTION_PROJECTION: RunnableProjection = runnable(resolutionProjection);

function foldKeyEvent(
  document: ResolutionKeyDocument | null,
  event: RecordedEvent & KeyEvent,
): ResolutionKeyDocument | null {
  const { position } = event;
  if (event.type === 'KeyCreated') {
    return (
      document ?? {
        id: keyStream(event.data.key_id),
        kind: 'key',
        position,
        key: packKeyState(newKeyState(event)),
        usage: null,
        requests: null,
      }
    );
  }
  if (document === null) return null;
  const before = unpackKeyState(document);
  const after = evolveKeyEntry(before, event);
  const key = packKeyState(after);
  if (after.limit_reset_position === before.limit_reset_position || document.usage === null)
    return { ...document, position, key };
  // A manual reset: nothing counted so far limits the key any more.
  const ledger = ledgerOf(document);
  ledger.clearLimit(ROW);
  return { ...document, position, key, usage: ledger.row(ROW) };
}

function countUsage(
  document: ResolutionKeyDocument,
  event: RecordedEvent & KeyUsageRecorded,
): ResolutionKeyDocument {
  if (!countsUsage(event.data)) return document;
  const { amounts, fromMs, toMs, limitResetPosition } = recordedUsage(event);
  const towardLimit = limitResetPosition === unpackKeyState(document).limit_reset_position;
  const ledger = ledgerOf(document);
  ledger.count(ROW, windows.at(fromMs), toMs, amounts, towardLimit);
  let requests = document.requests;
  if (amounts.requests > 0) {
    const counters = new RequestCounters(1);
    if (requests !== null) counters.merge(THIS_KEY, requests);
    counters.count(THIS_KEY, fromMs, amounts.requests);
    requests = counters.row(THIS_KEY);
  }
  return { ...document, position: event.position, usage: ledger.row(ROW), requests };
}

/** A one-key ledger holding the document's counters. */
function ledgerOf(document: ResolutionKeyDocument): UsageLedger {
  const ledger = new UsageLedger(1);
  if (document.usage !== null) ledger.restore(ROW, document.usage);
  return ledger;
}
