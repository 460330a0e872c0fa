import { UpdateKeyRequestDto } from '../../../keys/commands/update-key/update-key.request.dto';
import { OpenRouterUpdateKeyRequestDto } from './update-key.openrouter.request.dto';

/**
 * The canonical PATCH an OpenRouter PATCH stands for: the same five fields, each a change when
 * sent and left as it is when absent (undefined), never anything else a body might carry.
 */
export function toUpdateKeyRequest(body: OpenRouterUpdateKeyRequestDto): UpdateKeyRequestDto {
  return {
    name: body.name,
    disabled: body.disabled,
    limit: body.limit,
    limit_reset: body.limit_reset,
    include_byok_in_limit: body.include_byok_in_limit,
  };
}
