import { ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ListKeysRequestDto } from '../../../keys/queries/list-keys/list-keys.request.dto';
import { AuditFiltersRequestDto } from '../../audit-filters.request.dto';
import { ScanOrder } from '@keyledger/governance';
import { ListAuditEntriesInput } from './list-audit-entries.input';

/** Query of `GET /api/v1/audit`: the shared filters, the keys list's paging, and an order. */
export class ListAuditEntriesRequestDto
  extends IntersectionType(
    AuditFiltersRequestDto,
    PickType(ListKeysRequestDto, ['cursor', 'limit'] as const),
  )
  implements ListAuditEntriesInput
{
  @ApiPropertyOptional({
    enum: ['desc', 'asc'],
    default: 'desc',
    description: 'By global position: newest first (`desc`) or oldest first (`asc`).',
  })
  @IsOptional()
  @IsIn(['desc', 'asc'])
  readonly order?: ScanOrder;
}
