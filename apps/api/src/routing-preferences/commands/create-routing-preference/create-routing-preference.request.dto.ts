import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PREFERENCE_TEXT_LIMITS, PreferenceScope } from '@keyledger/domain';
import { PreferenceSettingsDto } from '../../preference-settings.dto';
import { CreateRoutingPreferenceInput } from '../../routing-content.input';
import { Present, TextField } from '../../routing-fields';

/** Body of `POST /api/v1/routing-preferences`. */
export class CreateRoutingPreferenceRequestDto
  extends PreferenceSettingsDto
  implements CreateRoutingPreferenceInput
{
  @TextField(1, PREFERENCE_TEXT_LIMITS.name, { example: 'SQL goes to code' })
  readonly name!: string;

  @ApiPropertyOptional({
    enum: ['personal', 'team'],
    default: 'personal',
    description: 'team: shared with the active organization; needs its manageRouting permission.',
  })
  @Present()
  @IsIn(['personal', 'team'])
  readonly scope?: PreferenceScope;
}
