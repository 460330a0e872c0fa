import { KeyOwnershipFacts } from '../policies/key-access';
import { WebhookAudience, webhookCovers } from './webhook-coverage';

const orgHook: WebhookAudience = {
  scope: 'org',
  owner_user_id: 'alice',
  org_id: 'org_1',
  event_types: ['key.revoked'],
  enabled: true,
};
const personalHook: WebhookAudience = { ...orgHook, scope: 'personal', org_id: null };
const orgKey: KeyOwnershipFacts = { scope: 'org', owner_user_id: 'bob', org_id: 'org_1' };
const alicesKey: KeyOwnershipFacts = { scope: 'personal', owner_user_id: 'alice', org_id: null };

describe('webhookCovers', () => {
  it.each<[string, WebhookAudience, KeyOwnershipFacts, boolean]>([
    ['an org hook hears about any key of its org', orgHook, orgKey, true],
    ['an org hook ignores other orgs', orgHook, { ...orgKey, org_id: 'org_2' }, false],
    ["an org hook ignores its creator's personal keys", orgHook, alicesKey, false],
    ["a personal hook hears about its owner's personal keys", personalHook, alicesKey, true],
    ['a paused hook hears about nothing', { ...orgHook, enabled: false }, orgKey, false],
    [
      "a personal hook ignores other users' keys",
      personalHook,
      { ...alicesKey, owner_user_id: 'bob' },
      false,
    ],
    [
      "a personal hook ignores its owner's org keys",
      personalHook,
      { ...orgKey, owner_user_id: 'alice' },
      false,
    ],
  ])('%s', (_case, hook, key, expected) => {
    expect(webhookCovers(hook, key, 'key.revoked')).toBe(expected);
  });

  it('announces only the subscribed types', () => {
    expect(webhookCovers(orgHook, orgKey, 'key.created')).toBe(false);
  });
});
