import { HttpMethod } from '@keyledger/client';

/** The parts of an OpenAPI 3 schema the contract reads. */
interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly items?: Schema;
  readonly allOf?: readonly Schema[];
  readonly additionalProperties?: Schema | boolean;
}

interface Content {
  readonly content?: Readonly<Record<string, { readonly schema?: Schema }>>;
}

interface Operation {
  readonly parameters?: readonly { readonly name: string; readonly in: string }[];
  readonly requestBody?: Content;
  readonly responses?: Readonly<Record<string, Content>>;
}

/** `/openapi.json`, as far as the contract reads it. */
export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, Schema>> };
}

/** What the document says about one operation, in the terms of the client's field lists. */
export interface DocumentedOperation {
  readonly query: string[];
  /** The JSON body's fields and which are required; null when it takes none. */
  readonly body: { readonly fields: string[]; readonly required: string[] } | null;
  /** The fields of the resource a 2xx answers with and which are required; null without a schema. */
  readonly response: { readonly fields: string[]; readonly required: string[] } | null;
}

/** Fetches the document the running service serves. */
export async function fetchOpenApi(baseUrl: string): Promise<OpenApiDocument> {
  const response = await fetch(`${baseUrl}/openapi.json`);
  if (!response.ok) throw new Error(`/openapi.json answered ${response.status}`);
  return (await response.json()) as OpenApiDocument;
}

/** The operation `METHOD path`, or null when the document lacks it. */
export function documented(
  document: OpenApiDocument,
  method: HttpMethod,
  path: string,
): DocumentedOperation | null {
  const operation = document.paths[path]?.[method.toLowerCase()];
  if (!operation) return null;
  const body = resolve(document, operation.requestBody?.content?.['application/json']?.schema);
  const answer = Object.entries(operation.responses ?? {}).find(([status]) => /^2/.test(status));
  const response = resolve(document, answer?.[1].content?.['application/json']?.schema);
  return {
    query: (operation.parameters ?? [])
      .filter((p) => p.in === 'query')
      .map((p) => p.name)
      .sort(),
    body: body && fieldsAndRequired(body),
    response: response && namedFields(resourceOf(document, response)),
  };
}

/** The methods the document lists for a path. */
export const documentedMethods = (document: OpenApiDocument, path: string): string[] =>
  Object.keys(document.paths[path] ?? {}).map((method) => method.toUpperCase());

/** A schema with `$ref` and `allOf` folded in (one level of composition is all Nest emits). */
function resolve(document: OpenApiDocument, schema: Schema | undefined): Schema | null {
  if (!schema) return null;
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(document, document.components?.schemas?.[name]);
  }
  const parts = (schema.allOf ?? []).map((part) => resolve(document, part) ?? {});
  return parts.reduce<Schema>(
    (merged, part) => ({
      ...merged,
      properties: { ...part.properties, ...merged.properties },
      required: [...(part.required ?? []), ...(merged.required ?? [])],
    }),
    schema,
  );
}

/** The resource inside a `{ data }` envelope and inside a list (one level of each). */
function resourceOf(document: OpenApiDocument, schema: Schema): Schema {
  const inner = schema.properties?.data;
  const unwrapped = inner ? (resolve(document, inner) ?? {}) : schema;
  return unwrapped.type === 'array' && unwrapped.items
    ? (resolve(document, unwrapped.items) ?? {})
    : unwrapped;
}

const fieldsOf = (schema: Schema): string[] => Object.keys(schema.properties ?? {}).sort();

/** The fields of a resource; null for a map (a report's row), which names none. */
const namedFields = (schema: Schema): { fields: string[]; required: string[] } | null =>
  schema.properties === undefined && schema.additionalProperties !== undefined
    ? null
    : fieldsAndRequired(schema);

const fieldsAndRequired = (schema: Schema): { fields: string[]; required: string[] } => ({
  fields: fieldsOf(schema),
  required: [...(schema.required ?? [])].sort(),
});
