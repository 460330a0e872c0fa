import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { EventTypesField, UrlField } from '../../webhook-fields';
import { UpdateWebhookInput } from './update-webhook.input';

/** Body of `PATCH /api/v1/webhooks/{id}`: each field sent replaces the current one, others stay. */
export class UpdateWebhookRequestDto implements UpdateWebhookInput {
  @UrlField({ required: false })
  readonly url?: string;

  @EventTypesField({ required: false })
  readonly event_types?: string[];

  @ApiPropertyOptional({
    description: 'false pauses deliveries (events meanwhile are not delivered); true resumes',
  })
  @IsOptional()
  @IsBoolean()
  readonly enabled?: boolean;
}
