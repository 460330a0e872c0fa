import { WEBHOOK_EVENT_TYPES } from '@keyledger/domain/webhooks';
import { failedFields } from '../routing-preferences/routing-world';
import { expectError } from '../support/http';
import { startWebhookWorld, subscribe, Webhook, WebhookWorld } from './webhook-world';

const BASE = '/api/v1/webhooks';
const URL = 'https://hooks.example.com/keyledger';

describe('/api/v1/webhooks: managing subscriptions', () => {
  let world: WebhookWorld;

  beforeAll(async () => {
    world = await startWebhookWorld();
  });
  afterAll(() => world.close());

  it('creates a subscription and shows its signing secret once, uncached', async () => {
    const created = await world.alice.send<{ data: Webhook; secret: string }>('POST', BASE, {
      url: URL,
      event_types: ['key.created', 'key.revoked'],
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    expect(created.body.data).toMatchObject({
      url: URL,
      event_types: ['key.created', 'key.revoked'],
      scope: 'personal',
      owner_user_id: 'alice',
      org_id: null,
      secret_version: 1,
    });
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(created.headers.get('etag')).toBe('"0"');
    expect(Number(created.headers.get('x-position'))).toBeGreaterThan(0);

    const read = await world.alice.get<{ data: Webhook }>(`${BASE}/${created.body.data.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ data: created.body.data });
    expect(read.headers.get('etag')).toBe('"0"');
    expect(JSON.stringify(read.body)).not.toContain(created.body.secret);
  });

  it('makes org subscriptions in the named or the active org, and * means every type', async () => {
    const { webhook } = await subscribe(world.alice, URL, { scope: 'org', event_types: ['*'] });
    expect(webhook).toMatchObject({ scope: 'org', org_id: 'org_a' });
    expect(webhook.event_types).toEqual(Object.values(WEBHOOK_EVENT_TYPES));
    const named = await subscribe(world.alice, URL, { org_id: 'org_a' });
    expect(named.webhook).toMatchObject({ scope: 'org', org_id: 'org_a' });
  });

  it('lists what the caller manages, newest first', async () => {
    const first = await subscribe(world.bob, `${URL}/1`);
    const second = await subscribe(world.bob, `${URL}/2`, { scope: 'org' });
    const listed = await world.bob.get<{ data: Webhook[] }>(BASE);
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((w) => w.id)).toEqual([second.webhook.id, first.webhook.id]);
    const alices = await world.alice.get<{ data: Webhook[] }>(BASE);
    expect(alices.body.data.map((w) => w.id)).not.toContain(first.webhook.id);
  });

  it('changes the URL and the types, honouring If-Match', async () => {
    const { webhook } = await subscribe(world.alice, URL);
    const path = `${BASE}/${webhook.id}`;
    const changed = await world.alice.send<{ data: Webhook }>(
      'PATCH',
      path,
      { url: `${URL}/v2`, event_types: ['key.disabled'] },
      { 'if-match': '"0"' },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ url: `${URL}/v2`, event_types: ['key.disabled'] });
    expect(changed.headers.get('etag')).toBe('"1"');
    const stale = await world.alice.send('PATCH', path, { url: URL }, { 'if-match': '"0"' });
    expectError(stale, 412, 'precondition_failed');
    const nothing = await world.alice.send<{ data: Webhook }>('PATCH', path, {});
    expect(nothing.status).toBe(200);
    expect(nothing.headers.get('etag')).toBe('"1"');
    expect(nothing.headers.get('x-position')).toBeNull();
  });

  it('rotates the secret: a new one, shown once, and the version moves on', async () => {
    const { webhook, secret } = await subscribe(world.alice, URL);
    const rotated = await world.alice.send<{ data: Webhook; secret: string }>(
      'POST',
      `${BASE}/${webhook.id}/rotate-secret`,
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    expect(rotated.body.secret).not.toBe(secret);
    expect(rotated.body.data.secret_version).toBe(2);
    expect(rotated.headers.get('cache-control')).toBe('no-store');
  });

  it('deletes for good: then the subscription is as missing as one never made', async () => {
    const { webhook } = await subscribe(world.alice, URL);
    const path = `${BASE}/${webhook.id}`;
    const deleted = await world.alice.send('DELETE', path);
    expect(deleted.status).toBe(204);
    expect(deleted.headers.get('etag')).toBe('"1"');
    expectError(await world.alice.get(path), 404, 'not_found');
    expectError(await world.alice.send('DELETE', path), 404, 'not_found');
    expectError(await world.alice.get(`${path}/deliveries`), 404, 'not_found');
    const listed = await world.alice.get<{ data: Webhook[] }>(BASE);
    expect(listed.body.data.map((w) => w.id)).not.toContain(webhook.id);
  });

  describe('refuses bad input with the fields named, writing nothing', () => {
    it.each<[string, Record<string, unknown>, string[]]>([
      ['a URL that is not one', { url: 'not a url' }, ['url']],
      ['a scheme other than http(s)', { url: 'ftp://hooks.example.com/' }, ['url']],
      ['plain http off localhost', { url: 'http://hooks.example.com/' }, ['url']],
      ['credentials in the URL', { url: 'https://user:pw@hooks.example.com/' }, ['url']],
      ['a URL that is not a string', { url: 42 }, ['url']],
      ['no URL', { url: undefined }, ['url']],
      ['an unknown event type', { event_types: ['key.created', 'key.exploded'] }, ['event_types']],
      ['no event type', { event_types: [] }, ['event_types']],
      ['a repeated event type', { event_types: ['key.created', 'key.created'] }, ['event_types']],
      ['event types that are not a list', { event_types: 'key.created' }, ['event_types']],
      ['an unknown field', { secret: 'mine' }, ['secret']],
      ['an org for a personal subscription', { scope: 'personal', org_id: 'org_a' }, ['org_id']],
    ])('%s', async (_, change, fields) => {
      const before = world.events();
      const refused = await world.alice.send('POST', BASE, {
        url: URL,
        event_types: ['key.created'],
        ...change,
      });
      expectError(refused, 400, 'validation_failed');
      expect(failedFields(refused)).toEqual(expect.arrayContaining(fields));
      expect(world.events()).toBe(before);
    });

    it('on PATCH too', async () => {
      const { webhook } = await subscribe(world.alice, URL);
      const before = world.events();
      for (const body of [
        { url: 'http://hooks.example.com/' },
        { event_types: ['nope'] },
        { x: 1 },
      ]) {
        expectError(
          await world.alice.send('PATCH', `${BASE}/${webhook.id}`, body),
          400,
          'validation_failed',
        );
      }
      expectError(
        await world.alice.send('PATCH', `${BASE}/${webhook.id}`, { url: null }),
        400,
        'validation_failed',
      );
      expect(world.events()).toBe(before);
    });

    it('on the delivery log query', async () => {
      const { webhook } = await subscribe(world.alice, URL);
      const path = `${BASE}/${webhook.id}/deliveries`;
      expectError(await world.alice.get(`${path}?status=lost`), 400, 'validation_failed');
      expectError(await world.alice.get(`${path}?cursor=forged`), 400, 'validation_failed');
      expectError(await world.alice.get(`${path}?limit=0`), 400, 'validation_failed');
    });
  });
});
