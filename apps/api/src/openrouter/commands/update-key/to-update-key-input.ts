import { UpdateKeyInput } from '../../../keys/commands/update-key/update-key.input';
import { OpenRouterUpdateKeyRequestDto } from './update-key.openrouter.request.dto';

/**
 * The plain update input an OpenRouter PATCH stands for: the same five fields, each a change when
 * sent and left as it is when absent (undefined), never anything else a body might carry.
 */
export function toUpdateKeyInput(body: OpenRouterUpdateKeyRequestDto): UpdateKeyInput {
  return {
    name: body.name,
    disabled: body.disabled,
    limit: body.limit,
    limit_reset: body.limit_reset,
    include_byok_in_limit: body.include_byok_in_limit,
  };
}
