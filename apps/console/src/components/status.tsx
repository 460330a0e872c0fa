import { FieldError, KeyledgerApiError } from '@keyledger/client';
import { ReactNode } from 'react';

/** A polite "loading" that screen readers announce. */
export function Loading({ what }: { readonly what: string }) {
  return (
    <p className="status" role="status">
      Loading {what}…
    </p>
  );
}

/** Nothing to show, and what to do about it. */
export function Empty({ children }: { readonly children: ReactNode }) {
  return <p className="status empty">{children}</p>;
}

/**
 * The API's own message (and code and request id) when a call fails, and the fields it names
 * but those a form already shows beside their input (`shownInline`).
 */
export function ErrorNote({
  error,
  shownInline = [],
}: {
  readonly error: unknown;
  readonly shownInline?: readonly FieldError[];
}) {
  const api = error instanceof KeyledgerApiError ? error : null;
  const message = error instanceof Error ? error.message : String(error);
  const fields = api?.fields.filter((field) => !shownInline.includes(field)) ?? [];
  return (
    <div className="error" role="alert">
      <strong>{message}</strong>
      {api && (
        <span className="error-detail">
          {' '}
          ({api.code}
          {api.request_id ? `, request ${api.request_id}` : ''})
        </span>
      )}
      {fields.length > 0 && (
        <ul>
          {fields.map((field) => (
            <li key={field.field}>
              <code>{field.field}</code> {field.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What a query is: loading, failed, or there. */
export interface QueryLike<T> {
  readonly isPending: boolean;
  readonly error: unknown;
  readonly data: T | undefined;
}

/** Renders a query's loading and error states, and its data through `children` once there. */
export function QueryView<T>({
  query,
  what,
  children,
}: {
  readonly query: QueryLike<T>;
  readonly what: string;
  readonly children: (data: T) => ReactNode;
}) {
  if (query.error) return <ErrorNote error={query.error} />;
  if (query.isPending || query.data === undefined) return <Loading what={what} />;
  return <>{children(query.data)}</>;
}
