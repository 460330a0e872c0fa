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

/** What a bucket, or a share of it, was billed. */
class SpendResponse {
  @ApiProperty({ type: Number, description: 'Credits billed by the platform.' })
  readonly cost!: number;
  @ApiProperty({ type: Number, description: "Credits billed to the customer's own provider key." })
  readonly byok_cost!: number;
}

/** One model's share of a bucket: admitted, refused and spent. */
export class ModelBucketResponse extends SpendResponse {
  @ApiProperty({ type: Number, description: 'Resolutions admitted.' })
  readonly requests!: number;
  @ApiProperty(COUNTS)
  readonly refused!: Record<string, number>;
}

/** One group's share of a bucket (`group_by`). */
export class GroupFiguresResponse extends SpendResponse {
  @ApiProperty({
    type: Number,
    description: 'Admitted requests (for an outcome: how many had it).',
  })
  readonly requests!: number;
}

/** One hour or day of usage: the figures of a model's share, for all of them, and the shares. */
export class AnalyticsPointResponse extends ModelBucketResponse {
  @ApiProperty({ type: String, format: 'date-time', description: 'Start of the bucket (UTC).' })
  readonly start!: string;
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
    ApiExtraModels(ModelBucketResponse, GroupFiguresResponse, AnalyticsEnvelopeResponse),
    ApiOkResponse({
      description: '`{ data: [bucket…] }`, or with `format=csv` / `Accept: text/csv` a CSV file.',
      content: {
        'application/json': { schema: { $ref: getSchemaPath(AnalyticsEnvelopeResponse) } },
        'text/csv': { schema: { type: 'string' } },
      },
    }),
    ApiResponse({
      status: 400,
      description:
        '`validation_failed`: `fields` names the bad parameter (`from`, `granularity`, …).',
    }),
    ApiResponse({ status: 403, description: '`forbidden`: an API key without `management`.' }),
  );
