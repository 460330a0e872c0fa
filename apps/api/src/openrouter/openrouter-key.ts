import { DomainError } from '@keyledger/domain';
import { KeyView } from '../keys/key-view';

/** The workspace of a personal key: OpenRouter keys always name one; personal keys have no org. */
export const PERSONAL_WORKSPACE = 'personal';

/** Where a key belongs in OpenRouter's terms: its org, or PERSONAL_WORKSPACE. */
export const workspaceOf = (key: Pick<KeyView, 'org_id'>): string =>
  key.org_id ?? PERSONAL_WORKSPACE;

/** Usage in credits, all time and per UTC window, in OpenRouter's field names (keyledger's too). */
export interface OpenRouterUsage {
  readonly usage: number;
  readonly usage_daily: number;
  readonly usage_weekly: number;
  readonly usage_monthly: number;
  readonly byok_usage: number;
  readonly byok_usage_daily: number;
  readonly byok_usage_weekly: number;
  readonly byok_usage_monthly: number;
}

/** The usage figures OpenRouter reports, picked from the key view (request counts stay out). */
export function usageOf(key: OpenRouterUsage): OpenRouterUsage {
  return {
    usage: key.usage,
    usage_daily: key.usage_daily,
    usage_weekly: key.usage_weekly,
    usage_monthly: key.usage_monthly,
    byok_usage: key.byok_usage,
    byok_usage_daily: key.byok_usage_daily,
    byok_usage_weekly: key.byok_usage_weekly,
    byok_usage_monthly: key.byok_usage_monthly,
  };
}

/** A key as OpenRouter's key management API shows it (list, create, get, update). */
export interface OpenRouterKey extends OpenRouterUsage {
  readonly hash: string;
  readonly name: string;
  readonly label: string;
  readonly disabled: boolean;
  readonly limit: number | null;
  readonly limit_remaining: number | null;
  readonly limit_reset: string | null;
  readonly include_byok_in_limit: boolean;
  readonly created_at: string;
  readonly updated_at: string | null;
  readonly expires_at: string | null;
  readonly creator_user_id: string | null;
  readonly external_user: string | null;
  readonly workspace_id: string;
}

/** Translates keyledger's key view to OpenRouter's key object (neither ever holds the secret). */
export function toOpenRouterKey(key: KeyView): OpenRouterKey {
  return {
    hash: key.hash,
    name: key.name,
    label: key.label,
    disabled: key.disabled,
    limit: key.limit,
    limit_remaining: key.limit_remaining,
    limit_reset: key.limit_reset,
    include_byok_in_limit: key.include_byok_in_limit,
    ...usageOf(key),
    created_at: key.created_at,
    updated_at: key.updated_at,
    expires_at: key.expires_at,
    creator_user_id: key.owner_user_id,
    external_user: key.external_id,
    workspace_id: workspaceOf(key),
  };
}

/**
 * The key, unless it is revoked: OpenRouter deletes keys, so a key revoked through either surface
 * is as missing here as one that never existed (its history stays in keyledger's audit trail).
 */
export function liveKey(key: KeyView): KeyView {
  if (key.revoked) throw new DomainError('not_found', 'Key not found.');
  return key;
}
