import { AuditEntryDocument } from '@keyledger/read-models';
import { auditCsv, auditNdjson } from './audit-export';

/** The formats the audit log exports to. */
export const EXPORT_FORMATS = ['ndjson', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How each format is written, named and labelled. */
export const EXPORT_FORMAT: {
  readonly [F in ExportFormat]: {
    readonly contentType: string;
    readonly extension: string;
    readonly lines: (entries: AsyncIterable<AuditEntryDocument>) => AsyncGenerator<string>;
  };
} = {
  ndjson: {
    contentType: 'application/x-ndjson; charset=utf-8',
    extension: 'ndjson',
    lines: auditNdjson,
  },
  csv: {
    contentType: 'text/csv; charset=utf-8; header=present',
    extension: 'csv',
    lines: auditCsv,
  },
};

/** The download's file name: `keyledger-audit-20260630T120000Z.csv`. */
export const exportFileName = (format: ExportFormat, at: Date): string =>
  `keyledger-audit-${at.toISOString().replace(/[-:]|\.\d{3}/g, '')}.${EXPORT_FORMAT[format].extension}`;
