import { FieldError, KeyledgerApiError } from '@keyledger/client';
import { ErrorNote } from './status';

/** Whether a write was refused because what it was based on changed (412 on a stale If-Match). */
export const isStaleWrite = (error: unknown): boolean =>
  error instanceof KeyledgerApiError && error.status === 412;

/**
 * A failed write: a stale one says so plainly and offers to load the current version (the form
 * then starts again from it); any other shows the API's message, code and fields.
 */
export function WriteError({
  error,
  what,
  onReload,
  shownInline,
}: {
  readonly error: unknown;
  /** What changed, as "this policy". */
  readonly what: string;
  readonly onReload: () => void;
  /** The field errors the form shows beside their inputs, left out of the summary. */
  readonly shownInline?: readonly FieldError[];
}) {
  if (!isStaleWrite(error)) return <ErrorNote error={error} shownInline={shownInline} />;
  return (
    <div className="error" role="alert">
      <strong>Not saved: {what} was changed by someone else since you opened it.</strong> Reload to
      see the current version, then make your change again.{' '}
      <button type="button" onClick={onReload}>
        Reload
      </button>
    </div>
  );
}
