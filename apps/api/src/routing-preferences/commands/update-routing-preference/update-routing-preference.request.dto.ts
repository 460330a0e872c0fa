import { PREFERENCE_TEXT_LIMITS } from '@keyledger/domain';
import { PreferenceSettingsDto } from '../../preference-settings.dto';
import { UpdateRoutingPreferenceInput } from '../../routing-content.input';
import { TextField } from '../../routing-fields';

/** Body of `PATCH /api/v1/routing-preferences/{id}`: named fields (collections whole) replace. */
export class UpdateRoutingPreferenceRequestDto
  extends PreferenceSettingsDto
  implements UpdateRoutingPreferenceInput
{
  @TextField(1, PREFERENCE_TEXT_LIMITS.name, { required: false })
  readonly name?: string;
}
