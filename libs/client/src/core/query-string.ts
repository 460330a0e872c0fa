/** A query parameter's value; `undefined` and `null` leave the parameter out. */
export type QueryValue = string | number | boolean | null | undefined;

/** Query parameters by name. */
export type QueryParams = { readonly [name: string]: QueryValue };

/** `?a=1&b=true` from the parameters that have a value, in the order given; '' when none do. */
export function toQueryString(params: QueryParams): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TypeError(`query parameter ${name} must be a finite number`);
    }
    search.append(name, String(value));
  }
  const query = search.toString();
  return query === '' ? '' : `?${query}`;
}
