import { startWorld, World } from '../routing-preferences/routing-world';
import { call } from '../support/http';
import {
  callOpenRouter,
  createManagementKey,
  expectOpenRouterError,
  OPENROUTER_PREFIX,
  OpenRouterErrorBody,
  openRouterSdk,
  sdkRefusal,
} from './openrouter-world';

/** Refusals on the OpenRouter surface: in OpenRouter's error shape, and never a write. */
describe('OpenRouter surface refusals', () => {
  let world: World;
  let management: string;
  /** A key of alice's that the refused requests aim at. */
  let target: { hash: string; key: string };

  beforeAll(async () => {
    world = await startWorld();
    management = (await createManagementKey(world.alice)).secret;
    const created = await openRouterSdk(world.app.baseUrl, management).apiKeys.create({
      requestBody: { name: 'target' },
    });
    target = { hash: created.data.hash, key: created.key };
  });
  afterAll(() => world.app.close());

  const send = (method: string, path: string, secret?: string, body?: unknown) =>
    callOpenRouter(world.app.baseUrl, method, path, { secret, body });

  describe('a key without the management scope', () => {
    it('is refused on every /keys route with 403, writing nothing', async () => {
      const before = world.events();
      const routes: [string, string, unknown?][] = [
        ['GET', '/keys'],
        ['POST', '/keys', { name: 'escalation' }],
        ['GET', `/keys/${target.hash}`],
        ['PATCH', `/keys/${target.hash}`, { name: 'escalation' }],
        ['DELETE', `/keys/${target.hash}`],
      ];
      for (const [method, path, body] of routes) {
        expectOpenRouterError(
          await send(method, path, target.key, body),
          403,
          'management_key_required',
        );
      }
      expect(world.events()).toBe(before);
    });

    it('is refused by the SDK with the error it parses', async () => {
      const refused = await sdkRefusal(openRouterSdk(world.app.baseUrl, target.key).apiKeys.list());
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({ code: 403, message: expect.any(String) });
    });

    it('may still describe itself on GET /key', async () => {
      const self = await openRouterSdk(
        world.app.baseUrl,
        target.key,
      ).apiKeys.getCurrentKeyMetadata();
      expect(self.data).toMatchObject({ isManagementKey: false, creatorUserId: 'alice' });
    });
  });

  describe('authentication', () => {
    it('answers no key, an unknown key and a session token on GET /key in OpenRouter shape', async () => {
      expectOpenRouterError(await send('GET', '/keys'), 401, 'authentication_required');
      expectOpenRouterError(await send('GET', '/key'), 401, 'authentication_required');
      expectOpenRouterError(
        await send('GET', '/keys', `rk_${'0'.repeat(64)}`),
        401,
        'invalid_api_key',
      );
      const token = await world.app.token('alice');
      expectOpenRouterError(await send('GET', '/key', token), 403, 'api_key_required');
    });

    it('lets the SDK parse a 401 as its UnauthorizedResponseError', async () => {
      const refused = await sdkRefusal(
        openRouterSdk(world.app.baseUrl, `rk_${'f'.repeat(64)}`).apiKeys.getCurrentKeyMetadata(),
      );
      expect(refused).toMatchObject({ name: 'UnauthorizedResponseError', status: 401 });
      expect(refused.body.error.code).toBe(401);
    });

    it('accepts a session token on /keys, under the canonical ownership rules', async () => {
      const listed = await send('GET', '/keys', await world.app.token('alice'));
      expect(listed.status).toBe(200);
      expect((listed.body as { data: { hash: string }[] }).data.map((k) => k.hash)).toContain(
        target.hash,
      );
    });
  });

  describe('invalid input', () => {
    const invalidCreates: [string, unknown][] = [
      ['no name', {}],
      ['an empty name', { name: '' }],
      ['a negative limit', { name: 'x', limit: -1 }],
      ['a limit that is text', { name: 'x', limit: 'ten' }],
      ['an unknown limit_reset', { name: 'x', limit_reset: 'hourly' }],
      ['a date that is none', { name: 'x', expires_at: 'tomorrow' }],
      ['an expiry in the past', { name: 'x', expires_at: '2001-01-01T00:00:00Z' }],
      ['scopes, which this surface does not set', { name: 'x', scopes: ['management'] }],
      ['creator_user_id: keys are their creator’s', { name: 'x', creator_user_id: 'bob' }],
      ['a field OpenRouter does not have', { name: 'x', colour: 'red' }],
    ];
    it.each(invalidCreates)('refuses a create with %s: 400, nothing written', async (_, body) => {
      const before = world.events();
      expectOpenRouterError(
        await send('POST', '/keys', management, body),
        400,
        'validation_failed',
      );
      expect(world.events()).toBe(before);
    });

    const invalidUpdates: [string, unknown][] = [
      ['disabled as text', { disabled: 'yes' }],
      ['a negative limit', { limit: -5 }],
      ['a name that is a number', { name: 5 }],
      ['an unknown limit_reset', { limit_reset: 'yearly' }],
      ['expires_at, which OpenRouter cannot change', { expires_at: null }],
      ['a valid and an invalid change', { name: 'fine', limit: -1 }],
    ];
    it.each(invalidUpdates)('refuses an update with %s: 400, nothing written', async (_, body) => {
      const before = world.events();
      const refused = await send('PATCH', `/keys/${target.hash}`, management, body);
      expectOpenRouterError(refused, 400, 'validation_failed');
      expect(world.events()).toBe(before);
    });

    it('lists the failing fields in error.metadata.fields', async () => {
      const refused = await send('POST', '/keys', management, { name: '', limit: -1 });
      const metadata = (refused.body as unknown as OpenRouterErrorBody).error.metadata;
      const fields = (metadata?.fields as { field: string }[]).map((f) => f.field);
      expect(fields).toEqual(expect.arrayContaining(['name', 'limit']));
    });

    it.each(['offset=-1', 'offset=many', 'include_disabled=maybe'])(
      'refuses a list with %s',
      async (query) => {
        expectOpenRouterError(
          await send('GET', `/keys?${query}`, management),
          400,
          'validation_failed',
        );
      },
    );

    // Refused by the body parser or the router, before any controller: OpenRouter's shape too.
    it('refuses malformed JSON with 400 and writes nothing', async () => {
      const before = world.events();
      const refused = await call(world.app.baseUrl, 'POST', `${OPENROUTER_PREFIX}/keys`, {
        auth: management,
        rawBody: '{"name":',
      });
      expectOpenRouterError(refused, 400, 'bad_request');
      expect(world.events()).toBe(before);
    });

    it('answers an unknown path below the prefix with 404 in OpenRouter shape', async () => {
      expectOpenRouterError(
        await call(world.app.baseUrl, 'GET', `${OPENROUTER_PREFIX}/nothing-here`, {
          auth: management,
        }),
        404,
        'not_found',
      );
    });

    it('lets the SDK parse a 400 as its BadRequestResponseError', async () => {
      const sdk = openRouterSdk(world.app.baseUrl, management);
      const refused = await sdkRefusal(sdk.apiKeys.create({ requestBody: { name: '' } }));
      expect(refused).toMatchObject({ name: 'BadRequestResponseError', status: 400 });
      expect(refused.body.error).toMatchObject({ code: 400 });
    });
  });

  describe('another tenant', () => {
    it("gets 404 for alice's key on every route, and never sees it listed", async () => {
      const bob = openRouterSdk(world.app.baseUrl, (await createManagementKey(world.bob)).secret);
      const before = world.events();
      for (const pending of [
        bob.apiKeys.get({ hash: target.hash }),
        bob.apiKeys.update({ hash: target.hash, requestBody: { disabled: true } }),
        bob.apiKeys.delete({ hash: target.hash }),
      ]) {
        const refused = await sdkRefusal(pending);
        expect(refused).toMatchObject({ name: 'NotFoundResponseError', status: 404 });
        expect(refused.body.error.code).toBe(404);
      }
      const listed = await bob.apiKeys.list({ includeDisabled: true });
      expect(listed.data.map((key) => key.hash)).not.toContain(target.hash);
      expect(world.events()).toBe(before);
    });
  });
});
