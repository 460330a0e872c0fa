import { FieldError } from '@keyledger/client';
import { useQueryClient } from '@tanstack/react-query';
import { WriteError } from '../components/write-error';

/** A key form's failed write; a stale one reloads the key, which restarts the form from it. */
export function KeyWriteError({
  keyId,
  error,
  shownInline,
}: {
  readonly keyId: string;
  readonly error: unknown;
  readonly shownInline: readonly FieldError[];
}) {
  const queries = useQueryClient();
  return (
    <WriteError
      error={error}
      what="this key"
      onReload={() => void queries.invalidateQueries({ queryKey: ['keys', keyId] })}
      shownInline={shownInline}
    />
  );
}
