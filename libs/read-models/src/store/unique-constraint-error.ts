/** A write would give a second document the value of a unique field; no store keeps both. */
export class UniqueConstraintError extends Error {
  constructor(
    readonly collection: string,
    readonly document_id: string,
  ) {
    super(`${collection}: document ${document_id} repeats the value of a unique field`);
    this.name = 'UniqueConstraintError';
  }
}
