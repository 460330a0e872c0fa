import { OpenRouter } from '@openrouter/sdk';
import { createKey, startWorld, World } from '../routing-preferences/routing-world';
import { KeyAnswer } from '../support/key-api';
import { createManagementKey, openRouterSdk, sdkRefusal } from './openrouter-world';

/** One model behind two surfaces: what one writes, the other reads and can change. */
describe('OpenRouter surface and canonical API share their keys', () => {
  let world: World;
  let sdk: OpenRouter;

  beforeAll(async () => {
    world = await startWorld();
    sdk = openRouterSdk(world.app.baseUrl, (await createManagementKey(world.alice)).secret);
  });
  afterAll(() => world.app.close());

  it('shows an SDK-made key on GET /api/v1/keys/{id}, made by the same command', async () => {
    const { data } = await sdk.apiKeys.create({
      requestBody: { name: 'from-sdk', limit: 12, limitReset: 'daily' },
    });
    const byHash = await world.alice.get<KeyAnswer>(`/api/v1/keys/${data.hash}`);
    const byId = await world.alice.get<KeyAnswer>(`/api/v1/keys/${byHash.body.data.id}`);
    expect(byId.status).toBe(200);
    expect(byId.body.data).toMatchObject({
      hash: data.hash,
      label: data.label,
      name: 'from-sdk',
      scope: 'personal',
      owner_user_id: 'alice',
      scopes: ['completions', 'skills'],
      limit: 12,
      limit_reset: 'daily',
      created_at: data.createdAt,
    });
    const events = await world.keyEvents(byId.body.data.id);
    expect(events.map((event) => event.type)).toEqual(['KeyCreated']);
    expect(events[0].metadata.actor).toMatchObject({ kind: 'api_key' });
    const listed = await world.alice.get<{ data: { hash: string }[] }>('/api/v1/keys');
    expect(listed.body.data.map((key) => key.hash)).toContain(data.hash);
  });

  it('shows a canonically made key to the SDK, and each surface sees the other change it', async () => {
    const key = await createKey(world.alice, { name: 'from-canonical', limit: 3 });
    expect((await sdk.apiKeys.get({ hash: key.hash })).data).toMatchObject({
      hash: key.hash,
      name: 'from-canonical',
      limit: 3,
    });
    expect((await sdk.apiKeys.list()).data.map((k) => k.hash)).toContain(key.hash);

    await world.alice.send('PATCH', `/api/v1/keys/${key.id}`, { name: 'renamed-canonically' });
    expect((await sdk.apiKeys.get({ hash: key.hash })).data.name).toBe('renamed-canonically');

    await sdk.apiKeys.update({
      hash: key.hash,
      requestBody: { name: 'renamed-by-sdk', limit: null },
    });
    const canonical = await world.alice.get<KeyAnswer>(`/api/v1/keys/${key.id}`);
    expect(canonical.body.data).toMatchObject({ name: 'renamed-by-sdk', limit: null });
    expect((await world.keyEvents(key.id)).map((event) => event.type)).toEqual([
      'KeyCreated',
      'KeyRenamed',
      'KeyRenamed',
      'KeyLimitSet',
    ]);
  });

  it('deletes through either surface', async () => {
    const viaSdk = await createKey(world.alice, { name: 'sdk-deletes' });
    await sdk.apiKeys.delete({ hash: viaSdk.hash });
    expect((await world.alice.get<KeyAnswer>(`/api/v1/keys/${viaSdk.id}`)).body.data).toMatchObject(
      {
        revoked: true,
      },
    );
    expect((await world.keyEvents(viaSdk.id)).map((event) => event.type)).toEqual([
      'KeyCreated',
      'KeyRevoked',
    ]);

    const viaCanonical = await createKey(world.alice, { name: 'canonical-deletes' });
    await world.alice.send('DELETE', `/api/v1/keys/${viaCanonical.id}`);
    expect((await sdkRefusal(sdk.apiKeys.get({ hash: viaCanonical.hash }))).status).toBe(404);
  });

  it('answers an update that changes nothing without writing anything', async () => {
    const { data } = await sdk.apiKeys.create({ requestBody: { name: 'steady', limit: 1 } });
    const before = world.events();
    const same = await sdk.apiKeys.update({
      hash: data.hash,
      requestBody: { name: 'steady', limit: 1, disabled: false },
    });
    expect(same.data).toMatchObject({ name: 'steady', limit: 1 });
    expect(world.events()).toBe(before);
  });
});
