import { RoutingContentDto } from '../../routing-content.dto';

/** Body of `PUT /api/v1/keys/{id}/routing-rules`: the key's whole rule set; omitted parts are empty. */
export class SetKeyRoutingRulesRequestDto extends RoutingContentDto {}
