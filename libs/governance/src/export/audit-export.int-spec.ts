import { greatestLead } from '../testing/audit-entries';
import { auditCsv, auditNdjson } from './audit-export';

/** A million entries take seconds on a busy machine; this bounds a hang, it times nothing. */
const PATIENCE_MS = 120_000;

// The heavy proof of flat memory, kept out of the fast unit run: a formatter holding its input
// would pull a million entries ahead of its output; a streaming one pulls an entry only to write its line.
describe('audit export over a million entries', () => {
  it(
    'streams CSV',
    async () => {
      expect(await greatestLead(auditCsv, 1, 1_000_000)).toEqual({ lines: 1_000_001, lead: 0 });
    },
    PATIENCE_MS,
  );

  it(
    'streams NDJSON',
    async () => {
      expect(await greatestLead(auditNdjson, 0, 1_000_000)).toEqual({ lines: 1_000_000, lead: 0 });
    },
    PATIENCE_MS,
  );
});
