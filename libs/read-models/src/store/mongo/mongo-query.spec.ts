import { mongoFilter, mongoIndex, mongoSort } from './mongo-query';

interface Row {
  readonly id: string;
  readonly owner: string;
  readonly name: string;
  readonly expires_at: string | null;
}

describe('MongoDB query translation', () => {
  it('maps equality, membership and a literal case-insensitive search, with id as _id', () => {
    expect(
      mongoFilter<Row>({
        where: { owner: 'u1', id: { in: ['a', 'b'] } },
        contains: { field: 'name', text: 'a.b' },
      }),
    ).toEqual({
      $and: [
        { owner: 'u1' },
        { _id: { $in: ['a', 'b'] } },
        { name: { $regex: 'a\\.b', $options: 'i' } },
      ],
    });
    expect(mongoFilter<Row>({})).toEqual({});
  });

  it('sorts by the keys, then by _id in the last direction', () => {
    expect(
      mongoSort<Row>([
        { field: 'owner', direction: 'asc' },
        { field: 'expires_at', direction: 'desc' },
      ]),
    ).toEqual({ owner: 1, expires_at: -1, _id: -1 });
  });

  it('pages ascending past a null: any value, or null with a greater id', () => {
    expect(
      mongoFilter<Row>({}, [{ field: 'expires_at', direction: 'asc' }], {
        values: [null],
        id: 'k',
      }),
    ).toEqual({
      $or: [{ expires_at: { $ne: null } }, { $and: [{ expires_at: null }, { _id: { $gt: 'k' } }] }],
    });
  });

  it('pages descending past a value: smaller values, then the nulls that sort last', () => {
    expect(
      mongoFilter<Row>({ where: { owner: 'u1' } }, [{ field: 'expires_at', direction: 'desc' }], {
        values: ['t'],
        id: 'k',
      }),
    ).toEqual({
      $and: [
        { owner: 'u1' },
        {
          $or: [
            { $or: [{ expires_at: { $lt: 't' } }, { expires_at: null }] },
            { $and: [{ expires_at: 't' }, { _id: { $lt: 'k' } }] },
          ],
        },
      ],
    });
  });

  it('has no branch beyond null in descending order', () => {
    expect(
      mongoFilter<Row>({}, [{ field: 'expires_at', direction: 'desc' }], {
        values: [null],
        id: 'k',
      }),
    ).toEqual({
      $or: [{ $and: [{ expires_at: null }, { _id: { $lt: 'k' } }] }],
    });
  });

  it('declares unique indexes as they are and ends compound ones with _id', () => {
    expect(mongoIndex<Row>({ fields: ['name'], unique: true })).toEqual({
      key: { name: 1 },
      unique: true,
    });
    expect(mongoIndex<Row>({ fields: ['owner', 'expires_at'] })).toEqual({
      key: { owner: 1, expires_at: 1, _id: 1 },
      unique: false,
    });
  });
});
