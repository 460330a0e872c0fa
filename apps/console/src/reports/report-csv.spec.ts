import { reportCsv } from './report-csv';

describe('reportCsv', () => {
  it('writes a header, one CRLF line per row, empty cells for null, and quotes what needs it', () => {
    const csv = reportCsv(
      ['key_id', 'name', 'reason', 'idle_days'],
      [
        { key_id: 'k1', name: 'plain', reason: null, idle_days: 3 },
        { key_id: 'k2', name: 'a, b', reason: 'said "no"\nthen left', idle_days: 0 },
      ],
    );
    expect(csv).toBe(
      'key_id,name,reason,idle_days\r\n' +
        'k1,plain,,3\r\n' +
        'k2,"a, b","said ""no""\nthen left",0\r\n',
    );
  });
});
