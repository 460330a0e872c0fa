import { alice, aliceKey } from '../../testing/key-view';
import { toCreateKeyInput } from './to-create-key-input';

describe('toCreateKeyInput', () => {
  const body = {
    name: 'ci',
    limit: 10,
    limit_reset: 'weekly' as const,
    include_byok_in_limit: true,
    expires_at: '2027-01-01T00:00:00Z',
  };

  it('carries the fields OpenRouter shares with the canonical create', () => {
    expect(toCreateKeyInput(body, alice)).toEqual(body);
  });

  it('never names scopes: the key gets the default (inference) ones', () => {
    expect(toCreateKeyInput(body, aliceKey(['management']))).not.toHaveProperty('scopes');
  });

  it("creates a session's and a personal key's keys as the canonical API would", () => {
    for (const principal of [alice, aliceKey(['management'])]) {
      const request = toCreateKeyInput({ name: 'ci' }, principal);
      expect(request.scope).toBeUndefined();
      expect(request.org_id).toBeUndefined();
    }
  });

  it("creates an org key's keys in its org, as OpenRouter's org keys do", () => {
    const request = toCreateKeyInput({ name: 'ci' }, aliceKey(['management'], 'org_a'));
    expect(request).toMatchObject({ scope: 'org' });
    expect(request.org_id).toBeUndefined();
  });

  it('reads a workspace as the org to create in, or `personal`', () => {
    expect(toCreateKeyInput({ name: 'ci', workspace_id: 'org_b' }, alice)).toMatchObject({
      scope: 'org',
      org_id: 'org_b',
    });
    const personal = toCreateKeyInput(
      { name: 'ci', workspace_id: 'personal' },
      aliceKey(['management'], 'org_a'),
    );
    expect(personal).toMatchObject({ scope: 'personal' });
    expect(personal.org_id).toBeUndefined();
  });
});
