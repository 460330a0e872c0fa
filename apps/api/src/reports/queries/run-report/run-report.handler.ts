import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Principal } from '@keyledger/domain';
import { ReportName, ReportOptions, REPORTS, TableRow } from '@keyledger/governance';
import { CallerReportSources } from '../../report-sources';

export class RunReportQuery {
  constructor(
    readonly principal: Principal,
    readonly name: ReportName,
    readonly orgId: string | undefined,
    readonly options: ReportOptions = {},
  ) {}
}

/** A report's answer: which report, when it was made, its columns and rows. */
export interface ReportAnswer {
  readonly report: ReportName;
  readonly title: string;
  readonly generated_at: string;
  readonly columns: readonly string[];
  readonly data: TableRow[];
}

/** Runs one governance report over what the caller may see. */
@QueryHandler(RunReportQuery)
export class RunReportHandler implements IQueryHandler<RunReportQuery, ReportAnswer> {
  constructor(private readonly sources: CallerReportSources) {}

  async execute({ principal, name, orgId, options }: RunReportQuery): Promise<ReportAnswer> {
    const report = REPORTS[name];
    const sources = await this.sources.of(principal, orgId);
    return {
      report: name,
      title: report.title(options),
      generated_at: sources.now.toISOString(),
      columns: report.columns,
      data: await report.run(sources, options),
    };
  }
}
