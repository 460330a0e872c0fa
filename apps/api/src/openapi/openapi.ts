import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import {
  OperationObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { API_KEY_SCOPES, DEFAULT_API_KEY_SCOPES, scopeDescription } from '../auth/api-key-scopes';

const ERROR_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'request_id'],
      properties: {
        code: { type: 'string', example: 'validation_failed' },
        message: { type: 'string' },
        request_id: { type: 'string' },
        fields: {
          type: 'array',
          items: {
            type: 'object',
            properties: { field: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
};

/** The OpenAPI document, generated from the controllers and DTOs. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('keyledger')
    .setDescription(
      'Event-sourced API-key governance. Errors are `{error: {code, message, request_id, fields?}}` with the code ' +
        'repeated in `X-Error-Code`. Writes answer with `ETag` (stream revision) and `X-Position` (global position). ' +
        'API keys need the `management` scope on every management route, reads included (routing preferences, ' +
        'bindings and key-first rules also take `billing`); `GET /api/v1/key` is open to any key.',
    )
    .setVersion('1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'A session JWT, or an API key secret',
    })
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  describeKeyScopes(document);
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, Error: ERROR_SCHEMA },
  };
  return document;
}

/**
 * Says on each session-or-key operation which scope an API key needs: the one a route declares
 * (ApiKeyScopes), else the guard's default. Operations without bearer auth (gateway, health)
 * have rules of their own.
 */
function describeKeyScopes(document: OpenAPIObject): void {
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations) as ScopedOperation[]) {
      if (!operation.security?.some((requirement) => 'bearer' in requirement)) continue;
      const scopes = (operation[API_KEY_SCOPES] ??= DEFAULT_API_KEY_SCOPES);
      const sentence = scopeDescription(scopes);
      if (sentence === '') continue;
      operation.description = operation.description
        ? `${operation.description}\n\n${sentence}`
        : sentence;
      operation.responses['403'] ??= { description: sentence };
    }
  }
}

/** An operation with the scopes ApiKeyScopes put on it. */
type ScopedOperation = OperationObject & { [API_KEY_SCOPES]?: readonly string[] };

/** Serves the document at `/openapi.json` and a browsable page at `/docs`. */
export function serveOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json' });
}
