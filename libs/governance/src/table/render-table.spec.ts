import { renderTable } from './render-table';

describe('renderTable', () => {
  it('aligns columns, numbers to the right, and shows nothing as a dash', () => {
    const table = renderTable([
      { org_id: 'org_1', active: 12, revoked: 3, note: null },
      { org_id: 'org_200', active: 7, revoked: 105, note: 'audit' },
    ]);
    expect(table).toBe(
      [
        'org_id   active  revoked  note',
        '-------  ------  -------  -----',
        'org_1        12        3  -',
        'org_200       7      105  audit',
        '',
      ].join('\n'),
    );
  });

  it('counts characters, not bytes, and keeps each row on one line', () => {
    const table = renderTable([
      { name: 'Zoë 🔑', reason: 'leaked\nin CI' },
      { name: 'ci', reason: 'x' },
    ]);
    expect(table.split('\n')).toEqual([
      'name   reason',
      '-----  ------------',
      'Zoë 🔑  leaked in CI',
      'ci     x',
      '',
    ]);
  });

  it('shows the chosen columns, in order, and says when there are no rows', () => {
    expect(renderTable([{ a: 1, b: 2 }], ['b'])).toBe('b\n-\n2\n');
    expect(renderTable([], ['key_id', 'name'])).toBe('key_id  name\n------  ----\n(no rows)\n');
    expect(renderTable([])).toBe('(no rows)\n');
  });
});
