import { responseMeta, unwrap } from './api-response';
import { KeyledgerApiError } from './keyledger-api-error';

describe('responseMeta', () => {
  it('reads the ETag, its revision and X-Position', () => {
    const headers = new Headers({ etag: '"12"', 'x-position': '345' });
    expect(responseMeta(201, headers)).toEqual({
      status: 201,
      etag: '"12"',
      revision: 12,
      position: 345,
      headers,
    });
  });

  it('reads a weak ETag', () => {
    expect(responseMeta(200, new Headers({ etag: 'W/"4"' }))).toMatchObject({ revision: 4 });
  });

  it('gives null for absent or unreadable headers, and keeps an odd ETag as sent', () => {
    expect(responseMeta(200, new Headers())).toMatchObject({
      etag: null,
      revision: null,
      position: null,
    });
    expect(responseMeta(200, new Headers({ etag: '"abc"', 'x-position': '-1' }))).toMatchObject({
      etag: '"abc"',
      revision: null,
      position: null,
    });
  });
});

describe('unwrap', () => {
  it('lifts the envelope: data becomes the resource, other members sit beside it', () => {
    const headers = new Headers();
    const meta = { status: 200, etag: '"1"', revision: 1, position: 9, headers };
    expect(unwrap({ ...meta, data: { data: [1, 2], next_cursor: 'c' } })).toEqual({
      ...meta,
      data: [1, 2],
      next_cursor: 'c',
    });
  });

  it.each<[unknown]>([[null], [{ id: 'k1' }], ['text']])(
    'refuses an answer without the envelope (%p) as invalid_response',
    (body) => {
      const meta = { status: 200, etag: null, revision: null, position: null };
      const lift = () =>
        unwrap({ ...meta, headers: new Headers(), data: body as { data: unknown } });
      expect(lift).toThrow(KeyledgerApiError);
      expect(lift).toThrow('without the { data } envelope');
    },
  );
});
