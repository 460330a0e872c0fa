import { invalid, KeyCommand } from '@keyledger/domain';
import { UpdateKeyRequestDto } from './update-key.request.dto';

/**
 * The domain commands a PATCH body stands for, in a fixed order, each only for fields it names.
 * A field the key already has decides to no event, so a PATCH repeating the current values
 * writes nothing.
 */
export function keyChanges(body: UpdateKeyRequestDto, now: string): KeyCommand[] {
  if (body.reason !== undefined && body.disabled !== true) {
    throw invalid([{ field: 'reason', message: 'is only accepted with disabled: true' }]);
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
  return commands;
}
