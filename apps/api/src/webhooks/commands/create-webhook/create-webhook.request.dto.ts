import { PickType } from '@nestjs/swagger';
import { CreateKeyRequestDto } from '../../../keys/commands/create-key/create-key.request.dto';
import { EventTypesField, UrlField } from '../../webhook-fields';
import { CreateWebhookInput } from './create-webhook.input';

/**
 * Body of `POST /api/v1/webhooks`. Ownership (`scope`, `org_id`) follows the rules of a new
 * key's; the domain re-checks every rule, this rejects wrong shapes.
 */
export class CreateWebhookRequestDto
  extends PickType(CreateKeyRequestDto, ['scope', 'org_id'] as const)
  implements CreateWebhookInput
{
  @UrlField({ required: true })
  readonly url!: string;

  @EventTypesField({ required: true })
  readonly event_types!: string[];
}
