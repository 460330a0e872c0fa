import { KeyView } from '../keys/key-view';
import { OpenRouterUsage, usageOf, workspaceOf } from './openrouter-key';

/** The plan tier OpenRouter's `is_free_tier` stands for. */
export const FREE_PLAN_TIER = 'free';

/** What `GET /key` tells a key about itself, in OpenRouter's field names. */
export interface OpenRouterCurrentKey extends OpenRouterUsage {
  readonly label: string;
  readonly limit: number | null;
  readonly limit_remaining: number | null;
  readonly limit_reset: string | null;
  readonly include_byok_in_limit: boolean;
  readonly expires_at: string | null;
  readonly creator_user_id: string | null;
  readonly organization_id: string | null;
  readonly workspace_id: string;
  readonly is_free_tier: boolean;
  readonly is_management_key: boolean;
  /** OpenRouter's deprecated name for `is_management_key`, still required by its clients. */
  readonly is_provisioning_key: boolean;
  readonly allowed_data_regions: readonly string[];
  readonly free_model_daily_requests: {
    readonly limit: number;
    readonly remaining: number;
    readonly used: number;
  };
  readonly rate_limit: {
    readonly requests: number;
    readonly interval: string;
    readonly note: string;
  };
}

/**
 * Translates the calling key's view to OpenRouter's `GET /key` answer. Fields keyledger has no
 * counterpart for say so plainly: no region policy (`global`), no free-model quota (zeros), and
 * the legacy `rate_limit` OpenRouter itself always reports as -1.
 */
export function toOpenRouterCurrentKey(key: KeyView): OpenRouterCurrentKey {
  const management = key.scopes.includes('management');
  return {
    label: key.label,
    limit: key.limit,
    limit_remaining: key.limit_remaining,
    limit_reset: key.limit_reset,
    include_byok_in_limit: key.include_byok_in_limit,
    ...usageOf(key),
    expires_at: key.expires_at,
    creator_user_id: key.owner_user_id,
    organization_id: key.org_id,
    workspace_id: workspaceOf(key),
    is_free_tier: key.plan_tier === FREE_PLAN_TIER,
    is_management_key: management,
    is_provisioning_key: management,
    allowed_data_regions: ['global'],
    free_model_daily_requests: { limit: 0, remaining: 0, used: 0 },
    rate_limit: {
      requests: -1,
      interval: '10s',
      note: 'This field is deprecated and safe to ignore.',
    },
  };
}
