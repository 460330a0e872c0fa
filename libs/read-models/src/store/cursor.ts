import { Scalar } from './read-store.port';

/** Where a page ended: the sort values and the id of its last document. */
export interface CursorPosition {
  readonly values: readonly Scalar[];
  readonly id: string;
}

/** A cursor that no store made for this sort order (tampered, truncated, or from another query). */
export class InvalidCursorError extends Error {
  constructor() {
    super('cursor is not valid for this query');
    this.name = 'InvalidCursorError';
  }
}

const isScalar = (value: unknown): value is Scalar =>
  value === null ||
  typeof value === 'string' ||
  typeof value === 'number' ||
  typeof value === 'boolean';

/** Encodes a keyset position as an opaque, URL-safe string. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([...position.values, position.id])).toString('base64url');
}

/** Decodes a cursor made by `encodeCursor` for a sort of `keys` fields, or throws InvalidCursorError. */
export function decodeCursor(cursor: string, keys: number): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(parsed) || parsed.length !== keys + 1 || !parsed.every(isScalar))
    throw new InvalidCursorError();
  const id: Scalar = parsed[keys];
  if (typeof id !== 'string') throw new InvalidCursorError();
  return { values: parsed.slice(0, keys), id };
}
