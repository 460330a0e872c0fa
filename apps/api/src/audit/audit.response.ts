import { ApiProperty } from '@nestjs/swagger';
import {
  AuditLeaf,
  AuditPublicKey,
  ConsistencyProof,
  InclusionProof,
  TreeHead,
} from '@keyledger/audit-tree';
import { EventMetadata } from '@keyledger/event-store';
import { Audience } from '@keyledger/read-models';
import { enumValues } from '../shared/openapi/enum-values';
import {
  EVENT_DATA,
  EventMetadataResponse,
  RequestTraceResponse,
} from '../shared/openapi/event-metadata.response';
import { AuditEntryView } from './audit-entry-view';
import { KeyHistory } from './queries/get-key-history/get-key-history.handler';
import { KeyHistoryEntry } from './queries/get-key-history/key-history-entry';
import { AuditEntryPage } from './queries/list-audit-entries/list-audit-entries.handler';
import { AuditPublicKeys } from './queries/list-audit-public-keys/list-audit-public-keys.handler';

// The OpenAPI schemas of the audit answers. Each class implements the view it documents, so a
// field added to the view without its schema here fails to compile.

/** `AuditEntry`: one governance event as the audit log lists it. */
export class AuditEntryResponse extends RequestTraceResponse implements AuditEntryView {
  @ApiProperty({ type: String, description: "The event's id." })
  readonly id!: string;

  @ApiProperty({ type: Number, description: "The event's global position: the log's order." })
  readonly position!: number;

  @ApiProperty({ type: String, example: 'key-…' })
  readonly stream!: string;

  @ApiProperty({ type: String, example: 'KeyDisabled' })
  readonly event_type!: string;

  @ApiProperty({ type: String, example: 'Key disabled', description: 'A short name for the type.' })
  readonly label!: string;

  @ApiProperty({ type: String, nullable: true })
  readonly key_id!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'org:org_1',
    description: 'Who may see the key: `user:<id>` or `org:<id>`.',
  })
  readonly key_audience!: Audience | null;

  @ApiProperty({ type: String, nullable: true })
  readonly key_owner_user_id!: string | null;

  @ApiProperty({ type: String, nullable: true })
  readonly preference_id!: string | null;

  @ApiProperty({
    enum: enumValues<EventMetadata['actor']['kind']>({ user: true, api_key: true, system: true }),
  })
  readonly actor_kind!: EventMetadata['actor']['kind'];

  @ApiProperty({ type: String })
  readonly actor_id!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The org the command acted in.' })
  readonly org_id!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly occurred_at!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly recorded_at!: string;

  @ApiProperty({ type: String, description: 'One readable sentence about the change.' })
  readonly summary!: string;

  @ApiProperty(EVENT_DATA)
  readonly data!: Readonly<Record<string, unknown>>;
}

/** `{ data: AuditEntry[], next_cursor }`. */
export class AuditEntryPageResponse implements AuditEntryPage {
  @ApiProperty({ type: [AuditEntryResponse] })
  readonly data!: AuditEntryResponse[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last one.',
  })
  readonly next_cursor!: string | null;
}

/** One event of a key's stream, labelled and summarised. */
export class KeyHistoryEntryResponse implements KeyHistoryEntry {
  @ApiProperty({ type: String })
  readonly id!: string;

  @ApiProperty({ type: String, example: 'KeyDisabled' })
  readonly type!: string;

  @ApiProperty({ type: String, example: 'Key disabled' })
  readonly label!: string;

  @ApiProperty({ type: String, example: 'Disabled key: leaked' })
  readonly summary!: string;

  @ApiProperty({ type: Number, description: "0-based place in the key's stream." })
  readonly revision!: number;

  @ApiProperty({ type: Number, description: 'Place in the global order.' })
  readonly position!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly recorded_at!: string;

  @ApiProperty({ type: EventMetadataResponse })
  readonly metadata!: EventMetadataResponse;

  @ApiProperty(EVENT_DATA)
  readonly data!: Readonly<Record<string, unknown>>;
}

/** `{ key_id, data: HistoryEntry[] }`, oldest first. */
export class KeyHistoryResponse implements KeyHistory {
  @ApiProperty({ type: String })
  readonly key_id!: string;

  @ApiProperty({ type: [KeyHistoryEntryResponse] })
  readonly data!: KeyHistoryEntryResponse[];
}

/** A signed head of the audit Merkle tree. */
export class TreeHeadResponse implements TreeHead {
  @ApiProperty({ type: Number })
  readonly tree_size!: number;

  @ApiProperty({ type: String, description: 'Lowercase hex SHA-256 tree hash (RFC 9162 §2.1.1).' })
  readonly root_hash!: string;

  @ApiProperty({ type: Number, description: 'Milliseconds since the epoch.' })
  readonly timestamp!: number;

  @ApiProperty({ type: String })
  readonly key_id!: string;

  @ApiProperty({
    type: String,
    description: 'Base64 Ed25519 signature over the JCS of `{ tree_size, root_hash, timestamp }`.',
  })
  readonly signature!: string;
}

/** A key that signs tree heads. */
export class AuditPublicKeyResponse implements AuditPublicKey {
  @ApiProperty({ type: String })
  readonly key_id!: string;

  @ApiProperty({ type: String, description: 'SPKI, PEM-armoured.' })
  readonly public_key_pem!: string;
}

/** `{ data: PublicKey[] }`: every key that ever signed a head. */
export class AuditPublicKeysResponse implements AuditPublicKeys {
  @ApiProperty({ type: [AuditPublicKeyResponse] })
  readonly data!: AuditPublicKeyResponse[];
}

/** The seven fields of an event that make its leaf, as the key history shows them. */
export class AuditLeafResponse implements AuditLeaf {
  @ApiProperty({ type: String })
  readonly id!: string;

  @ApiProperty({ type: String })
  readonly stream!: string;

  @ApiProperty({ type: Number })
  readonly revision!: number;

  @ApiProperty({ type: String })
  readonly type!: string;

  @ApiProperty(EVENT_DATA)
  readonly data!: unknown;

  @ApiProperty({ type: EventMetadataResponse })
  readonly metadata!: EventMetadataResponse;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly recorded_at!: string;
}

/** Where a leaf sits in a tree of `tree_size` leaves. */
export class InclusionProofResponse implements InclusionProof {
  @ApiProperty({ type: Number })
  readonly leaf_index!: number;

  @ApiProperty({ type: Number })
  readonly tree_size!: number;

  @ApiProperty({ type: AuditLeafResponse })
  readonly leaf!: AuditLeafResponse;

  @ApiProperty({
    type: [String],
    description: "RFC 9162 inclusion path, lowercase hex, the leaf's sibling first.",
  })
  readonly audit_path!: readonly string[];
}

/** That the tree of `second` leaves extends the tree of `first`. */
export class ConsistencyProofResponse implements ConsistencyProof {
  @ApiProperty({ type: Number })
  readonly first!: number;

  @ApiProperty({ type: Number })
  readonly second!: number;

  @ApiProperty({ type: [String], description: 'RFC 9162 consistency proof, lowercase hex.' })
  readonly proof!: readonly string[];
}
