import { Argument, Command } from 'commander';
import {
  DEFAULT_REVOCATION_DAYS,
  DEFAULT_THRESHOLD_PERCENT,
  DEFAULT_UNUSED_DAYS,
  renderTable,
  REPORT_NAMES,
  ReportName,
  REPORTS,
  ReportSources,
} from '@keyledger/governance';
import { KeyDocument, Where } from '@keyledger/read-models';
import {
  keyStateTallies,
  orgKeyPolicyOf,
  policyKeys,
  policyOrgs,
  reportedKeys,
  revocationEntries,
} from '@keyledger/runtime';
import { percent, wholeNumber } from '../shared/cli-arguments';
import { CliOutput } from '../shared/cli-output';
import { GovernanceTools, withGovernanceTools } from '../shared/with-governance-tools';

interface ReportCommandOptions {
  readonly org?: string;
  readonly days?: number;
  readonly threshold?: number;
  readonly json?: boolean;
}

const MAX_DAYS = 3650;

/** Every key (or one org's), and the revocations of those keys: the operator sees everything. */
function operatorSources(
  { events, keys, auditEntries, usageOf }: GovernanceTools,
  org: string | undefined,
  now: Date,
): ReportSources {
  const where: Where<KeyDocument> = org === undefined ? {} : { org_id: org };
  return {
    now,
    keys: (only = {}) => reportedKeys(keys, where, only, usageOf, now),
    keyOrgs: () => policyOrgs(keys, where),
    orgKeys: (org) => policyKeys(keys, where, org, usageOf, now),
    keyStates: (by) => keyStateTallies(keys, where, by, now),
    // The key's org, as the API narrows: its org keys' audience.
    revocations: () =>
      revocationEntries(
        auditEntries,
        org === undefined ? {} : { where: { key_audience: `org:${org}` } },
      ),
    policyOf: async (orgId) => (await orgKeyPolicyOf(events, orgId)).policy,
  };
}

const reportList = REPORT_NAMES.map(
  (name) => `  ${name.padEnd(20)} ${REPORTS[name].title({})}`,
).join('\n');

/** `report <name>`: a governance report over every key, as a readable table (or JSON). */
export function reportCommand(output: CliOutput): Command {
  return new Command('report')
    .description('print a governance report over every key, as a table')
    .addArgument(new Argument('<name>', 'the report').choices(REPORT_NAMES))
    .option('--org <id>', "only keys of this org (the key's org)")
    .option(
      '--days <n>',
      `unused-keys: idle at least n days (default ${DEFAULT_UNUSED_DAYS}); ` +
        `recent-revocations: look back n days (default ${DEFAULT_REVOCATION_DAYS})`,
      wholeNumber(MAX_DAYS),
    )
    .option(
      '--threshold <percent>',
      `keys-near-limit: share of the limit used (default ${DEFAULT_THRESHOLD_PERCENT})`,
      percent,
    )
    .option('--json', 'print one JSON object instead of a table')
    .addHelpText(
      'after',
      `\nReports:\n${reportList}\n\nExample: npm run cli -- report unused-keys --days 90`,
    )
    .action(async (name: ReportName, options: ReportCommandOptions) => {
      const report = REPORTS[name];
      const parameters = { days: options.days, threshold: options.threshold };
      const title = report.title(parameters);
      const answer = await withGovernanceTools(output, async (tools) => {
        const sources = operatorSources(tools, options.org, new Date());
        const rows = await report.run(sources, parameters);
        return { generated_at: sources.now.toISOString(), rows };
      });
      if (answer === undefined) return;
      const { generated_at, rows } = answer;
      if (options.json) {
        output.line(
          JSON.stringify({
            report: name,
            title,
            generated_at,
            columns: report.columns,
            data: rows,
          }),
        );
        return;
      }
      output.line(
        `${title} (${rows.length} ${rows.length === 1 ? 'row' : 'rows'}, ${generated_at})`,
      );
      output.line('');
      output.line(renderTable(rows, report.columns).trimEnd());
    });
}
