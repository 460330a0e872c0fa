import { documentMatches } from './document-filter';

interface Row {
  readonly id: string;
  readonly owner: string | null;
  readonly name: string;
}

const row: Row = { id: 'k1', owner: 'u1', name: 'Prod (EU) Gateway' };

describe('documentMatches', () => {
  it('needs every equality and membership condition to hold', () => {
    expect(documentMatches(row, { where: { owner: 'u1', id: { in: ['k0', 'k1'] } } })).toBe(true);
    expect(documentMatches(row, { where: { owner: 'u1', id: { in: ['k0'] } } })).toBe(false);
    expect(documentMatches(row, { where: { owner: 'u2' } })).toBe(false);
  });

  it('treats a missing field as null', () => {
    expect(documentMatches({ id: 'k2', name: 'x' } as Row, { where: { owner: null } })).toBe(true);
    expect(
      documentMatches({ id: 'k2', name: 'x' } as Row, { where: { owner: { in: [null] } } }),
    ).toBe(true);
  });

  it('searches a substring case-insensitively and literally', () => {
    expect(documentMatches(row, { contains: { field: 'name', text: 'prod (eu' } })).toBe(true);
    expect(documentMatches(row, { contains: { field: 'name', text: 'prod.*gateway' } })).toBe(
      false,
    );
    expect(documentMatches(row, { contains: { field: 'owner', text: 'U' } })).toBe(true);
  });
});
