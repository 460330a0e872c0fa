import { auditEntry, greatestLead } from '../testing/audit-entries';
import { collect, fromArray } from '../testing/async-iterables';
import { AUDIT_CSV_COLUMNS, auditCsv, auditNdjson } from './audit-export';

describe('auditCsv', () => {
  it('writes one header line and one CRLF-terminated line per entry, quoting as RFC 4180 says', async () => {
    const entry = auditEntry({
      summary: 'Renamed key "ci, prod" to\nZoë 🔑',
      user_agent: 'Mozilla/5.0 (X11, Linux)',
      causation_id: null,
      data: { name: 'a "b"' },
    });
    const [header, line, ...rest] = await collect(auditCsv(fromArray([entry])));
    expect(header).toBe(`${AUDIT_CSV_COLUMNS.join(',')}\r\n`);
    expect(rest).toEqual([]);
    expect(line).toBe(
      [
        '1',
        'evt_1',
        '2026-06-01T12:00:00.000Z',
        '2026-06-01T12:00:00.001Z',
        'KeyRevoked',
        '"Renamed key ""ci, prod"" to\nZoë 🔑"',
        'key-k1',
        'k1',
        '',
        'user',
        'alice',
        'org_1',
        '203.0.113.7',
        '"Mozilla/5.0 (X11, Linux)"',
        'req_1',
        'corr_1',
        '',
        '"{""name"":""a \\""b\\""""}"',
      ].join(',') + '\r\n',
    );
  });

  it('writes only the header for an empty log', async () => {
    expect(await collect(auditCsv(fromArray([])))).toEqual([`${AUDIT_CSV_COLUMNS.join(',')}\r\n`]);
  });

  it('pulls each entry only when its line is asked for', async () => {
    const { lines, lead } = await greatestLead(auditCsv, 1, 1000);
    expect(lines).toBe(1001);
    expect(lead).toBe(0);
  });
});

describe('auditNdjson', () => {
  it('writes every field of each entry as one JSON line', async () => {
    const entry = auditEntry({ summary: 'line\nbreak, "quoted" ✓' });
    const lines = await collect(auditNdjson(fromArray([entry, auditEntry({ id: 'evt_2' })])));
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(
      true,
    );
    expect(JSON.parse(lines[0])).toEqual(entry);
  });

  it('pulls each entry only when its line is asked for', async () => {
    const { lines, lead } = await greatestLead(auditNdjson, 0, 1000);
    expect(lines).toBe(1000);
    expect(lead).toBe(0);
  });
});
