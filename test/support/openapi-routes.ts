import { call } from './http';

/** One operation of the OpenAPI document: `GET /api/v1/keys/{id}`. */
export interface Route {
  readonly method: string;
  /** The path template, with `{param}` placeholders. */
  readonly path: string;
  /** The top-level properties of its JSON body schema; empty when it takes no body. */
  readonly bodyFields: readonly string[];
}

interface Schema {
  readonly $ref?: string;
  readonly properties?: Record<string, unknown>;
  readonly allOf?: readonly Schema[];
}

interface Operation {
  readonly requestBody?: { readonly content?: Record<string, { readonly schema?: Schema }> };
}

interface OpenApiDocument {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components?: { readonly schemas?: Record<string, Schema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation the running service documents: new routes are covered as soon as they exist. */
export async function openApiRoutes(baseUrl: string): Promise<Route[]> {
  const { body } = await call<OpenApiDocument>(baseUrl, 'GET', '/openapi.json');
  return Object.entries(body.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        bodyFields: propertiesOf(
          body,
          operation.requestBody?.content?.['application/json']?.schema,
        ),
      })),
  );
}

function propertiesOf(document: OpenApiDocument, schema: Schema | undefined): string[] {
  if (!schema) return [];
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return propertiesOf(document, document.components?.schemas?.[name]);
  }
  const inherited = (schema.allOf ?? []).flatMap((part) => propertiesOf(document, part));
  return [...inherited, ...Object.keys(schema.properties ?? {})];
}

/** The route `METHOD path`, if the service has it. */
export const findRoute = (
  routes: readonly Route[],
  method: string,
  path: string,
): Route | undefined => routes.find((route) => route.method === method && route.path === path);

/** `METHOD /path` — how routes are named in tables and test titles. */
export const routeName = (route: Route): string => `${route.method} ${route.path}`;

/** The path with every `{param}` replaced by `value` (URI-encoded). */
export const fillPath = (path: string, value: string): string =>
  path.replace(/\{[^}]+\}/g, encodeURIComponent(value));
