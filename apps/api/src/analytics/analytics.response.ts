import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';

const COUNTS = {
  type: 'object',
  additionalProperties: { type: 'integer' },
  description: 'Refused resolutions by refusal code (`limit_exceeded`, `key_disabled`, …).',
} as const;

/** One model's share of a bucket. */
export class ModelBucketResponse {
  @ApiProperty({ type: Number, description: 'Resolutions admitted for the model.' })
  readonly requests!: number;
  @ApiProperty(COUNTS)
  readonly refused!: Record<string, number>;
  @ApiProperty({ type: Number, description: 'Credits billed by the platform.' })
  readonly cost!: number;
  @ApiProperty({ type: Number, description: "Credits billed to the customer's own provider key." })
  readonly byok_cost!: number;
}

/** One group's share of a bucket (`group_by`). */
export class GroupFiguresResponse {
  @ApiProperty({
    type: Number,
    description: 'Admitted requests (for an outcome: how many had it).',
  })
  readonly requests!: number;
  @ApiProperty({ type: Number })
  readonly cost!: number;
  @ApiProperty({ type: Number })
  readonly byok_cost!: number;
}

/** One hour or day of usage. */
export class AnalyticsPointResponse {
  @ApiProperty({ type: String, format: 'date-time', description: 'Start of the bucket (UTC).' })
  readonly start!: string;
  @ApiProperty({ type: Number, description: 'Resolutions admitted.' })
  readonly requests!: number;
  @ApiProperty(COUNTS)
  readonly refused!: Record<string, number>;
  @ApiProperty({ type: Number, description: 'Credits billed by the platform.' })
  readonly cost!: number;
  @ApiProperty({ type: Number, description: "Credits billed to the customer's own provider key." })
  readonly byok_cost!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(ModelBucketResponse) },
    description: 'By model, as the gateway named it in resolve and usage calls.',
  })
  readonly models!: Record<string, ModelBucketResponse>;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(GroupFiguresResponse) },
    description: 'Only with `group_by` (org analytics).',
  })
  readonly groups?: Record<string, GroupFiguresResponse>;
}

/** `{ data: [...] }`. */
export class AnalyticsEnvelopeResponse {
  @ApiProperty({ type: [AnalyticsPointResponse] })
  readonly data!: AnalyticsPointResponse[];
}

/** The answers both analytics routes document. */
export const AnalyticsResponses = (): MethodDecorator =>
  applyDecorators(
    ApiExtraModels(ModelBucketResponse, GroupFiguresResponse),
    ApiOkResponse({
      description: '`{ data: [bucket…] }`, or with `format=csv` / `Accept: text/csv` a CSV file.',
      content: {
        'application/json': { schema: { $ref: getSchemaPath(AnalyticsEnvelopeResponse) } },
        'text/csv': { schema: { type: 'string' } },
      },
    }),
    ApiExtraModels(AnalyticsEnvelopeResponse),
    ApiResponse({
      status: 400,
      description:
        '`validation_failed`: `fields` names the bad parameter (`from`, `granularity`, …).',
    }),
    ApiResponse({ status: 403, description: '`forbidden`: an API key without `management`.' }),
  );
