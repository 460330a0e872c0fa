import { guardedOperation, newestPerDocument } from './mongo-writes';

interface Row {
  readonly id: string;
  readonly name: string;
}

describe('MongoDB writes', () => {
  it('keeps only the newest write of each document, whatever the order', () => {
    const writes = [
      { id: 'a', document: { id: 'a', name: 'two' }, position: 2 },
      { id: 'a', document: { id: 'a', name: 'one' }, position: 1 },
      { id: 'b', document: null, position: 3 },
    ];
    expect(newestPerDocument<Row>(writes)).toEqual([writes[0], writes[2]]);
  });

  it('guards an upsert by the stored position and stores the position beside the fields', () => {
    expect(
      guardedOperation<Row>({ id: 'a', document: { id: 'a', name: 'x' }, position: 7 }),
    ).toEqual({
      replaceOne: {
        filter: { _id: 'a', _position: { $lt: 7 } },
        replacement: { name: 'x', _position: 7 },
        upsert: true,
      },
    });
  });

  it('guards a delete by the stored position', () => {
    expect(guardedOperation<Row>({ id: 'a', document: null, position: 7 })).toEqual({
      deleteOne: { filter: { _id: 'a', _position: { $lt: 7 } } },
    });
  });
});
