import fc from 'fast-check';

/** `[[[…]]]` nested `depth` deep: a recursive parser or validator would overflow its stack. */
export const deepArray = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** `{"a":{"a":…}}` nested `depth` deep. */
export const deepObject = (depth: number): string =>
  `${'{"a":'.repeat(depth)}null${'}'.repeat(depth)}`;

/** A valid JSON array of about `bytes` bytes. */
export const wideArray = (bytes: number): string =>
  JSON.stringify(Array.from({ length: Math.floor(bytes / 12) }, (_, i) => `item-${i}`));

/** Keys that trip naive object handling: prototype pollution, getters, odd unicode. */
const trickyKeys = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '',
  'ñ',
  '\u0000',
);

/** JSON bodies: anything, or objects mixing the route's own fields with tricky keys. */
export const jsonBodies = (fields: readonly string[]): fc.Arbitrary<string> =>
  fc
    .oneof(
      fc.jsonValue(),
      fc.dictionary(fc.oneof(fc.constantFrom('name', ...fields), trickyKeys), fc.jsonValue()),
    )
    .map((value) => JSON.stringify(value) ?? 'null');

/** Content types the API does not speak, or speaks with a twist, with whatever body. */
export const wrongContentTypes = fc.record({
  contentType: fc.constantFrom(
    'text/plain',
    'application/xml',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=xyz',
    'application/json; charset=utf-16',
    'application/octet-stream',
    'application/jsonx',
    ';;;',
  ),
  body: fc.string({ unit: 'binary', maxLength: 200 }),
});

/** Path segments: unicode, control characters, traversal, very long. */
export const pathIds = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }).map(encodeURIComponent),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map(encodeURIComponent),
  fc.constantFrom('%00', '..%2F..%2Fetc', '%F0%9F%92%A9', '%20'),
);

/** Path ids the router itself rejects: percent-encoding no decoder accepts, or too long a segment. */
export const UNROUTABLE_PATH_IDS: readonly (readonly [string, string])[] = [
  ['a lone %', '%'],
  ['%ZZ', '%ZZ'],
  ['an overlong UTF-8 encoding', '%C0%AF'],
  ['5,000 characters', 'a'.repeat(5000)],
];

/** Query strings: random names and values, repeated names, malformed encoding. */
export const queryStrings = fc.oneof(
  fc
    .array(
      fc.tuple(
        fc.string({ unit: 'binary', maxLength: 20 }),
        fc.string({ unit: 'binary', maxLength: 40 }),
      ),
    )
    .map((pairs) => new URLSearchParams(pairs).toString()),
  fc.constantFrom(
    'limit=1&limit=2',
    'cursor=%',
    'include_revoked[]=true',
    'a[b][c]=1',
    '=&=&',
    '%E0%A4%A',
  ),
);

/**
 * The UTF-8 bytes of a string as latin-1 characters, which is how a header value carries them on
 * the wire; control characters are dropped, as no HTTP client can send them.
 */
const utf8Bytes = (text: string): string =>
  Buffer.from(text, 'utf8')
    .toString('latin1')
    .replace(/[^\t\x20-\x7e\x80-\xff]/g, '');

/** Credentials and other headers no client should send: repeated, oversized, non-ASCII. */
export const oddHeaders = fc.oneof(
  fc.constant({ authorization: ['Bearer first', 'Bearer second'] }),
  fc.constant({ authorization: `Bearer ${'x'.repeat(8000)}` }),
  fc.constant({ 'x-api-key': `rk_${'f'.repeat(6000)}` }),
  fc.constant({ 'x-api-key': ['rk_one', 'rk_two'] }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map((text) => ({
    authorization: `Bearer ${utf8Bytes(text)}`,
  })),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map((text) => ({
    'x-api-key': utf8Bytes(text),
  })),
  fc.string({ unit: 'binary', maxLength: 60 }).map((text) => ({
    authorization: utf8Bytes(text),
  })),
  fc.constant({ authorization: 'Basic YWxpY2U6c2VjcmV0' }),
  fc.constant({ authorization: 'Bearer' }),
);

/** Headers a valid caller may garble around otherwise good credentials. */
export const garbledExtras = fc.record({
  'if-match': fc.constantFrom('"x"', 'W/"-1"', '*', '"99999999999999999999"', utf8Bytes('"é"')),
  'x-request-id': fc.string({ unit: 'binary', maxLength: 300 }).map(utf8Bytes),
});
