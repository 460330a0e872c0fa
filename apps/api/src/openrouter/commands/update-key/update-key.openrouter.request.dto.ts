import { PickType } from '@nestjs/swagger';
import { UpdateKeyRequestDto } from '../../../keys/commands/update-key/update-key.request.dto';

/**
 * Body of OpenRouter's `PATCH /keys/{hash}`: the canonical fields OpenRouter shares, validated
 * alike. Each field sent is a change; `limit: null` makes the key unlimited.
 */
export class OpenRouterUpdateKeyRequestDto extends PickType(UpdateKeyRequestDto, [
  'name',
  'disabled',
  'limit',
  'limit_reset',
  'include_byok_in_limit',
] as const) {}
