import { Fields } from './field-list';

/** The HTTP methods the management API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One route of the API, named exactly as `/openapi.json` names it, with its field lists. */
export interface Operation {
  readonly method: HttpMethod;
  /** The path template with `{param}` placeholders, as in the OpenAPI document. */
  readonly path: string;
  /** The JSON body's top-level fields; absent when the route takes no body. */
  readonly body?: Fields;
  /** The query parameters. */
  readonly query?: Fields;
  /** The fields of the resource it answers with (of each item, for a list). */
  readonly response?: Fields;
}

/** Declares an operation; resource files list theirs so tests can check every one. */
export const operation = (
  method: HttpMethod,
  path: string,
  fields: Pick<Operation, 'body' | 'query' | 'response'> = {},
): Operation => ({ method, path, ...fields });

/** Values for a path template's `{param}` placeholders. */
export type PathParams = Readonly<Record<string, string>>;

/** The path with each `{param}` replaced by its URI-encoded value; a missing value throws. */
export function fillPath(template: string, params: PathParams): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') {
      throw new TypeError(`${template} needs a value for {${name}}`);
    }
    return encodeURIComponent(value);
  });
}
