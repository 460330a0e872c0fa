import { ListKeysInput } from '../../../keys/queries/list-keys/list-keys.input';
import { PERSONAL_WORKSPACE } from '../../openrouter-key';
import { OpenRouterListKeysRequestDto } from './list-keys.openrouter.request.dto';

/** The canonical page size used to walk the listing: its maximum, so offsets take few pages. */
export const CANONICAL_PAGE_SIZE = 200;

/**
 * The plain listing input an OpenRouter `GET /keys` stands for. Revoked keys are never
 * listed (OpenRouter has deleted them); a workspace is an org, or `personal`.
 */
export function toListFilters(query: OpenRouterListKeysRequestDto): ListKeysInput {
  const workspace = query.workspace_id;
  return {
    limit: CANONICAL_PAGE_SIZE,
    include_disabled: query.include_disabled ?? false,
    include_revoked: false,
    ...(workspace === PERSONAL_WORKSPACE ? { scope: 'personal' } : {}),
    ...(workspace !== undefined && workspace !== PERSONAL_WORKSPACE ? { org_id: workspace } : {}),
  };
}
