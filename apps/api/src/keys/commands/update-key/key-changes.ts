import { invalid, KeyCommand } from '@keyledger/domain';
import { canonicalAllowedIps } from '../../allowed-ips';
import { UpdateKeyInput } from './update-key.input';

/**
 * The domain commands a PATCH body stands for, in a fixed order, each only for fields it names.
 * A field the key already has decides to no event, so a PATCH repeating the current values
 * writes nothing.
 */
export function keyChanges(body: UpdateKeyInput, now: string): KeyCommand[] {
  const { allowed_ips, rate_limits, metadata, external_id, reason } = body;
  const restricts = [allowed_ips, rate_limits, metadata, external_id].some((f) => f !== undefined);
  if (reason !== undefined && body.disabled !== true && !restricts) {
    throw invalid([
      {
        field: 'reason',
        message:
          'is only accepted with disabled: true or a change of allowed_ips, rate_limits, metadata or external_id',
      },
    ]);
  }
  const commands: KeyCommand[] = [];
  if (body.name !== undefined) commands.push({ type: 'RenameKey', name: body.name, now });
  if (body.disabled === true) commands.push({ type: 'DisableKey', reason: body.reason, now });
  if (body.disabled === false) commands.push({ type: 'EnableKey', now });
  const { limit, limit_reset, include_byok_in_limit } = body;
  if ([limit, limit_reset, include_byok_in_limit].some((field) => field !== undefined)) {
    commands.push({ type: 'SetKeyLimit', limit, limit_reset, include_byok_in_limit, now });
  }
  if (body.expires_at !== undefined) {
    commands.push({ type: 'SetKeyExpiry', expires_at: body.expires_at, now });
  }
  if (allowed_ips !== undefined) {
    const canonical = canonicalAllowedIps(allowed_ips) ?? [];
    commands.push({ type: 'SetKeyIpAllowlist', allowed_ips: canonical, reason, now });
  }
  if (rate_limits !== undefined) {
    commands.push({ type: 'SetKeyRateLimits', rate_limits, reason, now });
  }
  if (body.alert_thresholds !== undefined) {
    commands.push({ type: 'SetKeyAlertThresholds', alert_thresholds: body.alert_thresholds, now });
  }
  if (metadata !== undefined) commands.push({ type: 'SetKeyMetadata', metadata, reason, now });
  if (external_id !== undefined) {
    commands.push({ type: 'SetKeyExternalId', external_id, reason, now });
  }
  return commands;
}
