import { OpenRouter } from '@openrouter/sdk';
import { createKey, startWorld, World } from '../routing-preferences/routing-world';
import { call } from '../support/http';
import { KeyAnswer } from '../support/key-api';
import { createManagementKey, openRouterSdk, sdkRefusal } from './openrouter-world';

const IN_A_YEAR = new Date(Math.floor(Date.now() / 1000) * 1000 + 365 * 86_400_000);

/** Newest first; keys made in the same millisecond may come in either order. */
const isNewestFirst = (keys: readonly { createdAt: string }[]): boolean =>
  keys.every((key, i) => i === 0 || key.createdAt <= keys[i - 1].createdAt);

/**
 * The official @openrouter/sdk drives keyledger's OpenRouter-compatible surface: every apiKeys
 * function succeeds, including the SDK's own validation of each response.
 */
describe('OpenRouter SDK against keyledger: apiKeys', () => {
  let world: World;
  let sdk: OpenRouter;
  let managementSecret: string;

  beforeAll(async () => {
    world = await startWorld();
    managementSecret = (await createManagementKey(world.alice)).secret;
    sdk = openRouterSdk(world.app.baseUrl, managementSecret);
  });
  afterAll(() => world.app.close());

  it('creates a key and shows its secret once, as `key`', async () => {
    const created = await sdk.apiKeys.create({
      requestBody: {
        name: 'sdk-made',
        limit: 25.5,
        limitReset: 'monthly',
        includeByokInLimit: true,
        expiresAt: IN_A_YEAR,
      },
    });
    expect(created.key).toMatch(/^rk_[0-9a-f]{64}$/);
    expect(created.data).toMatchObject({
      name: 'sdk-made',
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      disabled: false,
      limit: 25.5,
      limitRemaining: 25.5,
      limitReset: 'monthly',
      includeByokInLimit: true,
      usage: 0,
      byokUsage: 0,
      creatorUserId: 'alice',
      workspaceId: 'personal',
    });
    expect(created.data.expiresAt?.toISOString()).toBe(IN_A_YEAR.toISOString());
    // The secret works: the new key describes itself, and is no management key.
    const self = await openRouterSdk(
      world.app.baseUrl,
      created.key,
    ).apiKeys.getCurrentKeyMetadata();
    expect(self.data).toMatchObject({ label: created.data.label, isManagementKey: false });
  });

  it('gets a key by its hash', async () => {
    const { data } = await sdk.apiKeys.create({ requestBody: { name: 'to-get' } });
    const got = await sdk.apiKeys.get({ hash: data.hash });
    expect(got.data).toMatchObject({
      hash: data.hash,
      name: 'to-get',
      limit: null,
      limitReset: null,
      includeByokInLimit: false,
    });
  });

  it('lists keys newest first, with offset pagination and include_disabled', async () => {
    const names = ['page-1', 'page-2', 'page-3'];
    const hashes: string[] = [];
    for (const name of names) {
      hashes.push((await sdk.apiKeys.create({ requestBody: { name } })).data.hash);
    }
    await sdk.apiKeys.update({ hash: hashes[0], requestBody: { disabled: true } });

    const listed = (await sdk.apiKeys.list()).data;
    expect(listed.map((key) => key.hash)).toEqual(expect.arrayContaining([hashes[1], hashes[2]]));
    expect(listed.map((key) => key.hash)).not.toContain(hashes[0]);
    expect(isNewestFirst(listed)).toBe(true);

    const all = (await sdk.apiKeys.list({ includeDisabled: true })).data.map((key) => key.hash);
    expect(all).toEqual(expect.arrayContaining(hashes));
    const skipped = await sdk.apiKeys.list({ includeDisabled: true, offset: 1 });
    expect(skipped.data.map((key) => key.hash)).toEqual(all.slice(1));
    expect((await sdk.apiKeys.list({ offset: 10_000 })).data).toEqual([]);
  });

  it('pages through more keys than one page holds', async () => {
    const owner = world.as(await world.app.token('many-keys'));
    const sdkOfOwner = openRouterSdk(world.app.baseUrl, (await createManagementKey(owner)).secret);
    for (let i = 0; i < 230; i++) await createKey(owner, { name: `bulk-${i}` });
    const first = (await sdkOfOwner.apiKeys.list()).data;
    const second = (await sdkOfOwner.apiKeys.list({ offset: 100 })).data;
    const third = (await sdkOfOwner.apiKeys.list({ offset: 200 })).data;
    expect([first.length, second.length, third.length]).toEqual([100, 100, 31]);
    const keys = [...first, ...second, ...third];
    expect(new Set(keys.map((key) => key.hash)).size).toBe(231);
    expect(isNewestFirst(keys)).toBe(true);
    expect(keys.map((key) => key.name)).toContain('management');
  }, 60_000);

  it('updates name, disabled, limit (also to null), limit_reset and include_byok_in_limit', async () => {
    const { data } = await sdk.apiKeys.create({ requestBody: { name: 'to-update', limit: 5 } });
    const updated = await sdk.apiKeys.update({
      hash: data.hash,
      requestBody: {
        name: 'updated',
        disabled: true,
        limit: 40,
        limitReset: 'weekly',
        includeByokInLimit: true,
      },
    });
    expect(updated.data).toMatchObject({
      hash: data.hash,
      name: 'updated',
      disabled: true,
      limit: 40,
      limitReset: 'weekly',
      includeByokInLimit: true,
    });
    const unlimited = await sdk.apiKeys.update({
      hash: data.hash,
      requestBody: { limit: null, limitReset: null, disabled: false },
    });
    expect(unlimited.data).toMatchObject({
      name: 'updated',
      disabled: false,
      limit: null,
      limitRemaining: null,
      limitReset: null,
    });
  });

  it('deletes a key: gone from this surface, revoked (with its history) on the canonical one', async () => {
    const created = await sdk.apiKeys.create({ requestBody: { name: 'to-delete' } });
    expect(await sdk.apiKeys.delete({ hash: created.data.hash })).toEqual({ deleted: true });

    const gone = await sdkRefusal(sdk.apiKeys.get({ hash: created.data.hash }));
    expect(gone).toMatchObject({ name: 'NotFoundResponseError', status: 404 });
    expect(gone.body.error.code).toBe(404);
    expect((await sdkRefusal(sdk.apiKeys.delete({ hash: created.data.hash }))).status).toBe(404);
    expect(
      (
        await sdkRefusal(
          sdk.apiKeys.update({ hash: created.data.hash, requestBody: { name: 'x' } }),
        )
      ).status,
    ).toBe(404);
    const listed = await sdk.apiKeys.list({ includeDisabled: true });
    expect(listed.data.map((key) => key.hash)).not.toContain(created.data.hash);

    const canonical = await world.alice.get<KeyAnswer>(`/api/v1/keys/${created.data.hash}`);
    expect(canonical.body.data).toMatchObject({ revoked: true });
    // A deleted key's secret never authenticates again.
    const refused = await sdkRefusal(
      openRouterSdk(world.app.baseUrl, created.key).apiKeys.getCurrentKeyMetadata(),
    );
    expect(refused).toMatchObject({ name: 'UnauthorizedResponseError', status: 401 });
  });

  it('reports the usage the gateway counted, on the key and on GET /key', async () => {
    const created = await sdk.apiKeys.create({
      requestBody: { name: 'spender', limit: 10, limitReset: 'monthly' },
    });
    for (const body of [{ cost: 1.25 }, { cost: 2, byok: true }]) {
      const counted = await call(world.app.baseUrl, 'POST', '/api/v1/usage', {
        auth: { apiKey: created.key },
        body,
      });
      expect(counted.status).toBe(200);
    }
    const expected = {
      usage: 1.25,
      usageDaily: 1.25,
      usageWeekly: 1.25,
      usageMonthly: 1.25,
      byokUsage: 2,
      byokUsageMonthly: 2,
      limitRemaining: 8.75,
    };
    expect((await sdk.apiKeys.get({ hash: created.data.hash })).data).toMatchObject(expected);
    const self = await openRouterSdk(
      world.app.baseUrl,
      created.key,
    ).apiKeys.getCurrentKeyMetadata();
    expect(self.data).toMatchObject(expected);
  });

  it('describes the calling management key', async () => {
    const self = await sdk.apiKeys.getCurrentKeyMetadata();
    expect(self.data).toMatchObject({
      isManagementKey: true,
      isProvisioningKey: true,
      creatorUserId: 'alice',
      organizationId: null,
      workspaceId: 'personal',
      limit: null,
      limitRemaining: null,
      usage: 0,
      rateLimit: { requests: -1 },
    });
  });

  it('answers an org management key with its org keys, made in its org by default', async () => {
    const orgSdk = openRouterSdk(
      world.app.baseUrl,
      (await createManagementKey(world.alice, { org_id: 'org_a' })).secret,
    );
    expect((await orgSdk.apiKeys.getCurrentKeyMetadata()).data).toMatchObject({
      organizationId: 'org_a',
      workspaceId: 'org_a',
      isManagementKey: true,
    });
    const created = await orgSdk.apiKeys.create({ requestBody: { name: 'org-made' } });
    expect(created.data.workspaceId).toBe('org_a');
    // Another member of org_a sees it on the canonical API; the personal keys stay out of view.
    const seenByCarol = await world.carol.get<KeyAnswer>(`/api/v1/keys/${created.data.hash}`);
    expect(seenByCarol.body.data).toMatchObject({ scope: 'org', org_id: 'org_a' });
    const listed = (await orgSdk.apiKeys.list()).data;
    expect(listed.every((key) => key.workspaceId === 'org_a')).toBe(true);
    const personal = await sdkRefusal(
      orgSdk.apiKeys.create({ requestBody: { name: 'mine', workspaceId: 'personal' } }),
    );
    expect(personal.status).toBe(403);
  });
});
