import { ProjectionRunner } from '@keyledger/read-models';
import { expectApiError } from '../client/api-error-assertions';
import { bindKey, createKey, createPreference, startWorld, World } from './routing-world';

/**
 * One ETag rule for every resource: the revision of what the response shows. With the read
 * model behind the stream, a read must not hand out the stream's newer revision, or a later
 * If-Match would pass over changes the client never saw (a lost update).
 */
describe('routing reads behind the stream: the ETag is the revision shown', () => {
  let world: World;
  let runner: ProjectionRunner;

  beforeAll(async () => {
    world = await startWorld({ READ_YOUR_WRITES_TIMEOUT_MS: '100' });
    runner = world.app.app.get(ProjectionRunner);
  });
  afterAll(() => world.app.close());
  afterEach(() => runner.start());

  it('on a routing preference', async () => {
    const preference = await createPreference(world.alice, { description: 'seen' });
    await runner.stop();
    const changed = await world.alice.api.routingPreferences.update(preference.id, {
      description: 'unseen',
    });
    expect(changed.status).toBe(202);
    const stale = await world.alice.api.routingPreferences.get(preference.id);
    expect({ description: stale.data.description, etag: stale.etag }).toEqual({
      description: 'seen',
      etag: '"0"',
    });
    // The ETag the client holds names the state it saw: a write over it is refused.
    await expectApiError(
      world.alice.api.routingPreferences.update(
        preference.id,
        { description: 'overwrite' },
        { ifMatch: stale.etag },
      ),
      412,
      'precondition_failed',
    );
    await runner.start();
    const fresh = await world.alice.api.routingPreferences.get(preference.id, {
      minPosition: changed.position,
    });
    expect({ description: fresh.data.description, etag: fresh.etag }).toEqual({
      description: 'unseen',
      etag: '"1"',
    });
  });

  it("on a key's binding and key-first rules", async () => {
    const key = await createKey(world.alice);
    const preference = await createPreference(world.alice);
    await runner.stop();
    expect((await bindKey(world.alice, key.id, preference.id)).status).toBe(202);
    const binding = await world.alice.api.keys.routingPreference.get(key.id);
    expect({ preference_id: binding.data.preference_id, etag: binding.etag }).toEqual({
      preference_id: null,
      etag: '"0"',
    });
    const rules = await world.alice.api.keys.routingRules.get(key.id);
    expect(rules.etag).toBe('"0"');
  });
});
