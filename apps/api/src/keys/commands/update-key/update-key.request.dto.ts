import { ApiPropertyOptional, IntersectionType, PartialType, PickType } from '@nestjs/swagger';
import { IsBoolean, ValidateIf } from 'class-validator';
import { CreateKeyRequestDto } from '../create-key/create-key.request.dto';
import { RevokeKeyRequestDto } from '../revoke-key/revoke-key.request.dto';
import { UpdateKeyInput } from './update-key.input';

/**
 * Body of `PATCH /api/v1/keys/{id}`: each field sent is a change, fields left out stay as they
 * are; `limit: null` makes the key unlimited, `expires_at: null` removes its expiry; `allowed_ips`,
 * `rate_limits` and `metadata` replace the whole list or object. `reason` goes with
 * `disabled: true` or a change of those or of `external_id`, into the audit trail.
 */
export class UpdateKeyRequestDto
  extends IntersectionType(
    PartialType(
      PickType(CreateKeyRequestDto, [
        'name',
        'limit',
        'limit_reset',
        'include_byok_in_limit',
        'expires_at',
        'allowed_ips',
        'rate_limits',
        'alert_thresholds',
        'metadata',
        'external_id',
      ] as const),
    ),
    RevokeKeyRequestDto,
  )
  implements UpdateKeyInput
{
  @ApiPropertyOptional({ description: 'true stops the key authenticating; false lets it again.' })
  // Sent as null it would change nothing, silently: only an absent field means "leave as is".
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean()
  readonly disabled?: boolean;
}
