import { PREFERENCE_TEXT_LIMITS } from '@keyledger/domain';
import { FlagField, NullableTextField } from './routing-fields';
import { RoutingContentDto } from './routing-content.dto';
import { PreferenceSettingsInput } from './routing-content.input';

/** What create and PATCH share: everything but the name (required on create) and the scope. */
export class PreferenceSettingsDto extends RoutingContentDto implements PreferenceSettingsInput {
  @NullableTextField(PREFERENCE_TEXT_LIMITS.description)
  readonly description?: string | null;

  @FlagField('A disabled preference keeps its bindings but routing skips it.')
  readonly enabled?: boolean;

  @FlagField("true makes it its scope's default, demoting the previous one; false demotes it.")
  readonly is_default?: boolean;
}
