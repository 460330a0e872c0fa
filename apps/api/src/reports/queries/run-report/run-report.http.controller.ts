import { applyDecorators, Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { WaitsForMinPosition } from '../../../shared/http/min-position';
import { REPORTS, ReportName } from '@keyledger/governance';
import { reportAnswerSchema } from '../../report.response';
import { ReportAnswer, RunReportQuery } from './run-report.handler';
import {
  KeysNearLimitRequestDto,
  RecentRevocationsRequestDto,
  ReportRequestDto,
  UnusedKeysRequestDto,
} from './run-report.request.dto';

const KEY_SCOPE =
  'Covers the keys the caller can see, as `GET /api/v1/keys` does (revoked ones included): ' +
  'their personal keys and the org keys of their orgs. `org_id` narrows to one org.';

/** Documents one report route: what it shows, what it covers, how it answers and refuses. */
const DocumentedReport = (name: ReportName, scope = KEY_SCOPE): MethodDecorator =>
  applyDecorators(
    Get(name),
    WaitsForMinPosition(),
    ApiOperation({ summary: REPORTS[name].title({}), description: scope }),
    ApiOkResponse({
      description: `\`{ report, title, generated_at, columns, data }\`; each row has the columns ${REPORTS[name].columns.map((c) => `\`${c}\``).join(', ')}.`,
      schema: reportAnswerSchema(name),
    }),
    ApiResponse({
      status: 400,
      description: '`validation_failed`: `fields` names each bad or unknown query parameter.',
    }),
    ApiResponse({
      status: 401,
      description: '`authentication_required`, `invalid_token` or `invalid_api_key`.',
    }),
  );

@ApiTags('reports')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('api/v1/reports')
export class RunReportHttpController {
  constructor(private readonly queries: QueryBus) {}

  private run(query: RunReportQuery): Promise<ReportAnswer> {
    return this.queries.execute<RunReportQuery, ReportAnswer>(query);
  }

  /** How many keys each org has in each state. */
  @DocumentedReport('keys-by-state')
  keysByState(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ReportRequestDto,
  ): Promise<ReportAnswer> {
    return this.run(new RunReportQuery(principal, 'keys-by-state', query.org_id));
  }

  /** How many keys each owner has in each state. */
  @DocumentedReport('keys-per-owner')
  keysPerOwner(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ReportRequestDto,
  ): Promise<ReportAnswer> {
    return this.run(new RunReportQuery(principal, 'keys-per-owner', query.org_id));
  }

  /** Live keys that may spend without bound. */
  @DocumentedReport('keys-without-limit')
  keysWithoutLimit(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ReportRequestDto,
  ): Promise<ReportAnswer> {
    return this.run(new RunReportQuery(principal, 'keys-without-limit', query.org_id));
  }

  /** Live keys that work until someone revokes them. */
  @DocumentedReport('keys-never-expiring')
  keysNeverExpiring(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ReportRequestDto,
  ): Promise<ReportAnswer> {
    return this.run(new RunReportQuery(principal, 'keys-never-expiring', query.org_id));
  }

  /** Live keys nobody used for `days` days. */
  @DocumentedReport('unused-keys')
  unusedKeys(
    @CurrentPrincipal() principal: Principal,
    @Query() query: UnusedKeysRequestDto,
  ): Promise<ReportAnswer> {
    return this.run(
      new RunReportQuery(principal, 'unused-keys', query.org_id, { days: query.days }),
    );
  }

  /** Live keys at or over `threshold` percent of their limit. */
  @DocumentedReport('keys-near-limit')
  keysNearLimit(
    @CurrentPrincipal() principal: Principal,
    @Query() query: KeysNearLimitRequestDto,
  ): Promise<ReportAnswer> {
    return this.run(
      new RunReportQuery(principal, 'keys-near-limit', query.org_id, {
        threshold: query.threshold,
      }),
    );
  }

  /** Live org keys that break their org's current key policy, one row per broken rule. */
  @DocumentedReport('policy-violations')
  policyViolations(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ReportRequestDto,
  ): Promise<ReportAnswer> {
    return this.run(new RunReportQuery(principal, 'policy-violations', query.org_id));
  }

  /** Who revoked which key in the last `days` days, and why. */
  @DocumentedReport(
    'recent-revocations',
    "Reads the audit trail, so it covers what the caller's audit log covers: the keys they own, " +
      'and every key of the orgs where they hold `manageApiKeys`. API keys need the `management` scope.',
  )
  @ApiResponse({
    status: 403,
    description: '`forbidden`: an API key without the `management` scope.',
  })
  recentRevocations(
    @CurrentPrincipal() principal: Principal,
    @Query() query: RecentRevocationsRequestDto,
  ): Promise<ReportAnswer> {
    return this.run(
      new RunReportQuery(principal, 'recent-revocations', query.org_id, { days: query.days }),
    );
  }
}
