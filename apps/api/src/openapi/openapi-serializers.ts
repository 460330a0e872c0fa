import { OpenAPIObject } from '@nestjs/swagger';
import { RouteConfig } from '@nestjs/platform-fastify';
import { FastifyInstance } from 'fastify';
import fastJsonStringify, { Schema } from 'fast-json-stringify';

/** The id under which the document's component schemas are referenced by a serializer. */
const COMPONENTS = 'openapi-components';

/** What a marked route's config says: the component that describes its 200 answer. */
interface SerializedRouteConfig {
  readonly openApiResponse?: string;
}

/** Writes a body as JSON, with only the fields its component documents. */
export type DocumentedSerializer = (body: unknown) => string;

/** A component as the document describes it: what a serializer of some of its properties reads. */
interface ComponentSchema {
  readonly properties?: Record<string, Schema>;
  readonly required?: string[];
}

/**
 * Marks a route whose 200 answer Fastify writes with a serializer compiled from the response's
 * OpenAPI component (fast-json-stringify, which knows every field in advance) instead of
 * JSON.stringify: a key list page is 17 kB, and stringifying it cost more than reading it.
 * The component is the `type` of the route's `ApiOkResponse`; the document stays the one
 * description of the body, and a field it leaves out is not written.
 */
export const SerializedAsDocumented = (response: new () => unknown): MethodDecorator =>
  RouteConfig({ openApiResponse: response.name } satisfies SerializedRouteConfig);

/**
 * One serializer per component of the document, compiled once (as Fastify's own serializer
 * compiler would) and shared by every route that answers it, on Fastify or the fast listener.
 */
export class DocumentedSerializers {
  private readonly definitions: Readonly<Record<string, ComponentSchema>>;
  private readonly external: Record<string, Schema>;
  private readonly compiled = new Map<string, DocumentedSerializer>();

  constructor(private readonly document: OpenAPIObject) {
    const definitions = JSON.stringify(document.components?.schemas ?? {}).replaceAll(
      '"#/components/schemas/',
      `"${COMPONENTS}#/definitions/`,
    );
    this.definitions = JSON.parse(definitions) as Record<string, ComponentSchema>;
    // The shape Fastify hands its serializer compiler: schemas added with addSchema, by $id.
    this.external = {
      [COMPONENTS]: { $id: COMPONENTS, definitions: this.definitions } as Schema,
    };
  }

  /** Whether the document has this component. */
  documents(component: string): boolean {
    return this.document.components?.schemas?.[component] !== undefined;
  }

  /** The serializer of a component (by the name of its response class), or throws if absent. */
  of(component: string): DocumentedSerializer {
    let serializer = this.compiled.get(component);
    if (serializer === undefined) {
      if (!this.documents(component)) throw new Error(`the OpenAPI document lacks ${component}`);
      serializer = fastJsonStringify(this.schemaOf(component), { schema: this.external });
      this.compiled.set(component, serializer);
    }
    return serializer;
  }

  /**
   * A serializer of the properties of a component that `keep` picks: part of an answer written on
   * its own (a listed key's document fields, kept written, and its usage figures, written on
   * each read). Compiled on each call: its caller keeps it.
   */
  ofProperties(component: string, keep: (property: string) => boolean): DocumentedSerializer {
    const properties = this.definitions[component]?.properties;
    if (properties === undefined) throw new Error(`the OpenAPI document lacks ${component}`);
    const schema: Schema = {
      type: 'object',
      properties: Object.fromEntries(Object.entries(properties).filter(([name]) => keep(name))),
      required: this.definitions[component].required?.filter(keep),
    };
    return fastJsonStringify(schema, { schema: this.external });
  }

  /** The response schema of a component, as a route's `schema.response` holds it. */
  schemaOf(component: string): { $ref: string } {
    return { $ref: `${COMPONENTS}#/definitions/${component}` };
  }
}

/**
 * Gives every route marked `SerializedAsDocumented` its 200 response schema and the shared
 * serializer of that component. Call before the application's routes are registered (init).
 */
export function serializeAsDocumented(
  fastify: FastifyInstance,
  serializers: DocumentedSerializers,
): void {
  fastify.addHook('onRoute', (route) => {
    const name = (route.config as SerializedRouteConfig | undefined)?.openApiResponse;
    if (name === undefined) return;
    if (!serializers.documents(name)) {
      throw new Error(`${route.method} ${route.url} answers ${name}, which the document lacks`);
    }
    const serializer = serializers.of(name);
    route.schema = { ...route.schema, response: { 200: serializers.schemaOf(name) } };
    route.serializerCompiler = () => serializer;
  });
}
