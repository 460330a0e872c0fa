import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { AuditLogResponses } from '../../audit-responses';
import { AuditPublicKeys, ListAuditPublicKeysQuery } from './list-audit-public-keys.handler';
import { AuditPublicKeysResponse } from '../../audit.response';

@ApiTags('audit')
@Controller('api/v1/audit')
export class ListAuditPublicKeysHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** The public keys tree heads are signed with. */
  @Get('public-keys')
  @AuditLogResponses()
  @ApiOperation({
    summary: 'The keys that sign tree heads',
    description:
      'Every Ed25519 key that ever signed a head here (SPKI PEM), old ones included, so heads ' +
      'signed before a rotation stay verifiable. `key_id` is the SHA-256 (hex) of the SPKI DER.',
  })
  @ApiOkResponse({
    description: '`{ data: [{ key_id, public_key_pem }] }`',
    type: AuditPublicKeysResponse,
  })
  list(@CurrentPrincipal() principal: Principal): Promise<AuditPublicKeys> {
    return this.queries.execute(new ListAuditPublicKeysQuery(principal));
  }
}
