import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { WaitsForMinPosition } from '../../../shared/http/min-position';
import { AuditLogResponses } from '../../audit-responses';
import { AuditEntryPage, ListAuditEntriesQuery } from './list-audit-entries.handler';
import { ListAuditEntriesRequestDto } from './list-audit-entries.request.dto';
import { AuditEntryPageResponse } from '../../audit.response';

@ApiTags('audit')
@Controller('api/v1/audit')
export class ListAuditEntriesHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** The audit log of the keys the caller owns, and of every key of the orgs where they manage keys. */
  @Get()
  @WaitsForMinPosition()
  @AuditLogResponses()
  @ApiOperation({
    summary: 'The audit log, filtered and paged',
    description:
      'Who did what to which key, when and from where. Covers the keys the caller owns, and every ' +
      'key of the orgs where they hold `manageApiKeys`. A time range may give short pages: ' +
      'follow `next_cursor` until it is null.',
  })
  @ApiOkResponse({
    description: '`{ data: AuditEntry[], next_cursor }`',
    type: AuditEntryPageResponse,
  })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() filters: ListAuditEntriesRequestDto,
  ): Promise<AuditEntryPage> {
    return this.queries.execute<ListAuditEntriesQuery, AuditEntryPage>(
      new ListAuditEntriesQuery(principal, filters),
    );
  }
}
