import { ApiProperty } from '@nestjs/swagger';
import { enumValues } from '../shared/openapi/enum-values';
import { PreferencePage } from './queries/list-routing-preferences/list-routing-preferences.handler';
import { PreferenceView } from './preference-view';
import { RoutingContentResponse } from './routing-content.response';

/** `RoutingPreference` in the OpenAPI document; implements the view so the two cannot drift. */
export class PreferenceResponse extends RoutingContentResponse implements PreferenceView {
  @ApiProperty({ type: String })
  readonly id!: string;

  @ApiProperty({ type: String })
  readonly name!: string;

  @ApiProperty({ type: String, nullable: true })
  readonly description!: string | null;

  @ApiProperty({ enum: enumValues<PreferenceView['scope']>({ personal: true, team: true }) })
  readonly scope!: PreferenceView['scope'];

  @ApiProperty({ type: String })
  readonly author_user_id!: string;

  @ApiProperty({ type: String, nullable: true })
  readonly org_id!: string | null;

  @ApiProperty({
    type: Boolean,
    description: 'A disabled preference keeps its bindings, but routing skips it.',
  })
  readonly enabled!: boolean;

  @ApiProperty({
    type: Boolean,
    description: "Its org's default (team) or its author's default (personal).",
  })
  readonly is_default!: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly created_at!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly updated_at!: string;
}

/** What a single-preference route answers. */
type PreferenceEnvelope = { readonly data: PreferenceView };

/** `{ data: RoutingPreference }`. */
export class PreferenceEnvelopeResponse implements PreferenceEnvelope {
  @ApiProperty({ type: PreferenceResponse })
  readonly data!: PreferenceResponse;
}

/** `{ data: RoutingPreference[], next_cursor }`. */
export class PreferencePageResponse implements PreferencePage {
  @ApiProperty({ type: [PreferenceResponse] })
  readonly data!: PreferenceResponse[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last one.',
  })
  readonly next_cursor!: string | null;
}
