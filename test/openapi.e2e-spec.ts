import { call } from './support/http';
import { startTestApp, TestApp } from './support/test-app';

describe('OpenAPI', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('serves a document describing the key routes, without credentials', async () => {
    const { status, body } = await call<{
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    }>(app.baseUrl, 'GET', '/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths['/api/v1/keys'])).toEqual(
      expect.arrayContaining(['get', 'post']),
    );
    expect(Object.keys(body.paths['/api/v1/keys/{id}'])).toEqual(
      expect.arrayContaining(['get', 'delete']),
    );
  });

  it('serves a browsable page', async () => {
    const response = await fetch(`${app.baseUrl}/docs`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('swagger');
  });
});
