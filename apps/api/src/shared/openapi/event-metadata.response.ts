import { ApiProperty } from '@nestjs/swagger';
import { EventMetadata } from '@keyledger/event-store';
import { enumValues } from './enum-values';

type RequestTraceField = 'request_id' | 'correlation_id' | 'causation_id' | 'ip' | 'user_agent';

/** `{ kind, id }`: who sent the command. */
export class ActorResponse implements Readonly<EventMetadata['actor']> {
  @ApiProperty({
    enum: enumValues<EventMetadata['actor']['kind']>({ user: true, api_key: true, system: true }),
  })
  readonly kind!: EventMetadata['actor']['kind'];

  @ApiProperty({ type: String, description: 'The user id, or the API key id.' })
  readonly id!: string;
}

/** Which request caused an event, and from where: its metadata, and audit entries, carry it. */
export class RequestTraceResponse implements Pick<EventMetadata, RequestTraceField> {
  @ApiProperty({ type: String, nullable: true })
  readonly request_id!: string | null;

  @ApiProperty({ type: String, nullable: true })
  readonly correlation_id!: string | null;

  @ApiProperty({ type: String, nullable: true })
  readonly causation_id!: string | null;

  @ApiProperty({ type: String, nullable: true })
  readonly ip!: string | null;

  @ApiProperty({ type: String, nullable: true })
  readonly user_agent!: string | null;
}

/** The metadata every event records: who, on whose behalf, from where and when. */
export class EventMetadataResponse extends RequestTraceResponse implements EventMetadata {
  @ApiProperty({ type: ActorResponse })
  readonly actor!: ActorResponse;

  @ApiProperty({ type: String, nullable: true })
  readonly org_id!: string | null;

  @ApiProperty({ type: String, format: 'date-time', description: 'When the command was decided.' })
  readonly occurred_at!: string;

  @ApiProperty({ type: Number })
  readonly schema_version!: number;
}

/** An event's payload, as recorded (events never carry a secret): a JSON object. */
export const EVENT_DATA = {
  type: 'object',
  additionalProperties: true,
  description: 'The event payload, exactly as recorded (never a secret).',
} as const;
