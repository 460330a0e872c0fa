import { ReactNode } from 'react';

/** A column heading; `{ hidden }` names a column of buttons for screen readers only. */
export type Column = string | { readonly hidden: string };

/**
 * A data table in a scrollable, focusable region (so a keyboard can scroll it at 390 px), with
 * its column headings; the rows are the children.
 */
export function TableFrame({
  label,
  columns,
  children,
}: {
  readonly label: string;
  readonly columns: readonly Column[];
  readonly children: ReactNode;
}) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      <table>
        <thead>
          <tr>
            {columns.map((column) =>
              typeof column === 'string' ? (
                <th key={column} scope="col">
                  {column}
                </th>
              ) : (
                <th key={column.hidden} scope="col">
                  <span className="visually-hidden">{column.hidden}</span>
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
