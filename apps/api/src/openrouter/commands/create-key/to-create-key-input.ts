import { actsPersonally, Principal } from '@keyledger/domain';
import { CreateKeyInput } from '../../../keys/commands/create-key/create-key.input';
import { PERSONAL_WORKSPACE } from '../../openrouter-key';
import { OpenRouterCreateKeyRequestDto } from './create-key.openrouter.request.dto';

/** The ownership fields of a canonical create that an OpenRouter workspace stands for. */
function ownership(
  workspace: string | undefined,
  principal: Principal,
): Pick<CreateKeyInput, 'scope' | 'org_id'> {
  if (workspace === PERSONAL_WORKSPACE) return { scope: 'personal' };
  if (workspace !== undefined) return { scope: 'org', org_id: workspace };
  // An org key's caller cannot make personal keys: like OpenRouter's org keys, it makes its org's.
  return actsPersonally(principal) ? {} : { scope: 'org' };
}

/**
 * The plain create input an OpenRouter `POST /keys` stands for. The key gets the default scopes
 * (an inference key, never a management one), as OpenRouter's created keys are.
 */
export function toCreateKeyInput(
  body: OpenRouterCreateKeyRequestDto,
  principal: Principal,
): CreateKeyInput {
  return {
    name: body.name,
    ...ownership(body.workspace_id, principal),
    limit: body.limit,
    limit_reset: body.limit_reset,
    include_byok_in_limit: body.include_byok_in_limit,
    expires_at: body.expires_at,
  };
}
