import { findRoute, openApiRoutes, Route } from '../support/openapi-routes';
import { startTestApp, TestApp } from '../support/test-app';

describe('OpenAPI: the webhook routes', () => {
  let app: TestApp;
  let routes: Route[];

  beforeAll(async () => {
    app = await startTestApp();
    routes = await openApiRoutes(app.baseUrl);
  });
  afterAll(() => app.close());

  it.each([
    ['POST', '/api/v1/webhooks', ['scope', 'org_id', 'url', 'event_types']],
    ['GET', '/api/v1/webhooks', []],
    ['GET', '/api/v1/webhooks/{id}', []],
    ['PATCH', '/api/v1/webhooks/{id}', ['url', 'event_types', 'enabled']],
    ['DELETE', '/api/v1/webhooks/{id}', []],
    ['POST', '/api/v1/webhooks/{id}/rotate-secret', []],
    ['GET', '/api/v1/webhooks/{id}/deliveries', []],
  ])('documents %s %s with its body', (method, path, bodyFields) => {
    const route = findRoute(routes, method, path);
    expect(route?.bodyFields).toEqual(bodyFields);
  });
});
