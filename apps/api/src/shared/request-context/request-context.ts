import { EventMetadata } from '@keyledger/event-store';
import { Principal } from '@keyledger/domain';

/** What the edge knows about a request, recorded in the metadata of the events it causes. */
export interface RequestContext {
  readonly requestId: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export const EVENT_SCHEMA_VERSION = 1;

/** Event metadata for a command a principal sends in a request. */
export function eventMetadata(
  principal: Principal,
  context: RequestContext,
  orgId: string | null,
  occurredAt: Date,
): EventMetadata {
  return metadataOf(
    principal.kind === 'user'
      ? { kind: 'user', id: principal.user_id }
      : { kind: 'api_key', id: principal.key_id },
    context,
    orgId,
    occurredAt,
  );
}

/** Event metadata for a command the service sends itself, on a verified caller's behalf (a GitHub report). */
export const systemEventMetadata = (
  systemId: string,
  context: RequestContext,
  orgId: string | null,
  occurredAt: Date,
): EventMetadata => metadataOf({ kind: 'system', id: systemId }, context, orgId, occurredAt);

function metadataOf(
  actor: EventMetadata['actor'],
  context: RequestContext,
  orgId: string | null,
  occurredAt: Date,
): EventMetadata {
  return {
    actor,
    org_id: orgId,
    request_id: context.requestId,
    correlation_id: context.correlationId,
    causation_id: context.causationId,
    ip: context.ip,
    user_agent: context.userAgent,
    occurred_at: occurredAt.toISOString(),
    schema_version: EVENT_SCHEMA_VERSION,
  };
}
