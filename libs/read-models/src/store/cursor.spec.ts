import { decodeCursor, encodeCursor, InvalidCursorError } from './cursor';

describe('keyset cursor', () => {
  it('round-trips the sort values and the id', () => {
    const position = { values: ['2026-01-01T00:00:00.000Z', null], id: 'key_1' };
    expect(decodeCursor(encodeCursor(position), 2)).toEqual(position);
  });

  it('is URL-safe', () => {
    expect(encodeCursor({ values: ['??>>~~'], id: '/+=' })).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['not base64 JSON', 'garbage!'],
    ['a cursor for another number of sort keys', encodeCursor({ values: [1, 2], id: 'x' })],
    ['a non-string id', Buffer.from(JSON.stringify([1, 2])).toString('base64url')],
    ['a non-scalar value', Buffer.from(JSON.stringify([{ $gt: 1 }, 'x'])).toString('base64url')],
  ])('rejects %s', (_case, cursor) => {
    expect(() => decodeCursor(cursor, 1)).toThrow(InvalidCursorError);
  });
});
