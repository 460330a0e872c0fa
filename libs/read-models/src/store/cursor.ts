import { Scalar } from './read-store.port';

/** Where a page ended: the sort value and id of its last item. */
export interface CursorPosition {
  readonly value: Scalar;
  readonly id: string;
}

/** Encodes a keyset position as an opaque URL-safe string. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.value, position.id])).toString('base64url');
}

/** Thrown for a cursor this store did not make. */
export class InvalidCursorError extends Error {
  constructor() {
    super('cursor is not valid');
    this.name = 'InvalidCursorError';
  }
}

/** Decodes a cursor made by encodeCursor, or throws InvalidCursorError. */
export function decodeCursor(cursor: string): CursorPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string') {
      const value = parsed[0] as unknown;
      if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return { value: value as Scalar, id: parsed[1] };
    }
  } catch {
    // fall through: any malformed input is the same error
  }
  throw new InvalidCursorError();
}
