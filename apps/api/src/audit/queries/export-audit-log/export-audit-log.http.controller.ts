import { Readable } from 'node:stream';
import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { WaitsForMinPosition } from '../../../shared/http/min-position';
import { AuditLogResponses } from '../../audit-responses';
import { AuditExport, ExportAuditLogQuery } from './export-audit-log.handler';
import { ExportAuditLogRequestDto } from './export-audit-log.request.dto';

@ApiTags('audit')
@Controller('api/v1/audit')
export class ExportAuditLogHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** Streams the audit log, with the same filters and scope as `GET /api/v1/audit`. */
  @Get('export')
  @WaitsForMinPosition()
  @AuditLogResponses()
  @ApiOperation({
    summary: 'Export the audit log (NDJSON or CSV), streamed',
    description:
      'Every entry the filters select, oldest first, as a download. Same scope and filters as ' +
      '`GET /api/v1/audit`, without paging: the response streams until the last entry.',
  })
  @ApiProduces('application/x-ndjson', 'text/csv')
  @ApiOkResponse({
    description: 'The file, with `Content-Disposition: attachment`.',
    content: {
      'application/x-ndjson': { schema: { type: 'string' } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  async export(
    @CurrentPrincipal() principal: Principal,
    @Query() filters: ExportAuditLogRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.queries.execute<ExportAuditLogQuery, AuditExport>(
      new ExportAuditLogQuery(principal, filters),
    );
    // The audit trail names people and addresses: no cache keeps a copy.
    void reply.header('Cache-Control', 'no-store');
    return new StreamableFile(Readable.from(file.lines, { objectMode: false }), {
      type: file.contentType,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }
}
