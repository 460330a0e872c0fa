import { Principal } from '@keyledger/domain';
import { ApiError } from '../shared/errors/api-error';

/**
 * OpenRouter's rule for `/keys`: only management keys administer keys; any other key may only
 * describe itself (`GET /key`). Keyledger's canonical API lets a plain key list the keys its
 * owner can see, so this surface checks the scope up front. Session tokens are keyledger's own
 * callers and pass; the commands and queries then apply the usual ownership rules to everyone.
 */
export function assertAdministersKeys(principal: Principal): void {
  if (principal.kind === 'api_key' && !principal.scopes.includes('management')) {
    throw new ApiError(
      403,
      'management_key_required',
      'Only management keys can manage API keys: use a key with the management scope.',
    );
  }
}
