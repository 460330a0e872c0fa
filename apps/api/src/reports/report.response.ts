import { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { REPORTS, ReportName } from '@keyledger/governance';
import { ReportAnswer } from './queries/run-report/run-report.handler';

/** A report cell: text, a number, a flag, or null for nothing. */
const CELL: SchemaObject = {
  oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
  nullable: true,
};

/**
 * The OpenAPI schema of one report's answer: its rows map the report's columns (listed in
 * `columns`, in order) to cells. Keyed by ReportAnswer's fields, so a field added to the answer
 * without its schema fails to compile.
 */
export function reportAnswerSchema(name: ReportName): SchemaObject {
  const { columns } = REPORTS[name];
  const properties: Record<keyof ReportAnswer, SchemaObject> = {
    report: { type: 'string', enum: [name] },
    title: { type: 'string', description: 'What the report shows, with its parameters.' },
    generated_at: { type: 'string', format: 'date-time' },
    columns: { type: 'array', items: { type: 'string' }, example: columns },
    data: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: CELL,
        description: `A row: ${columns.map((column) => `\`${column}\``).join(', ')}.`,
      },
    },
  };
  return { type: 'object', required: Object.keys(properties), properties };
}
