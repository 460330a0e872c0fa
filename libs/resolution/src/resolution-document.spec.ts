import { KeyState } from './key-entry';
import { packKeyState, ResolutionKeyDocument, unpackKeyState } from './resolution-document';

/** A key with every fact set to something other than a new key's. */
const key: KeyState = {
  id: 'k1',
  hash: 'a'.repeat(64),
  previous_hash: 'b'.repeat(64),
  previous_valid_until: 1_767_225_600_000,
  revision: 7,
  owner_user_id: 'u1',
  org_id: 'org_1',
  scopes: ['completions', 'skills'],
  plan_tier: 'max',
  disabled: true,
  revoked: true,
  expires_at: 1_767_312_000_000,
  limit: 12.5,
  limit_reset: 'weekly',
  include_byok_in_limit: true,
  limit_reset_position: 41,
  routing_preference_id: 'p1',
  routing_rules: { rules: [], examples: [], confidence_floor_overrides: { code: 0.7 } },
  allowed_ips: ['203.0.113.0/24'],
  rate_limits: [{ name: 'requests', limit: 600, duration_ms: 60_000 }],
  alert_thresholds: [80, 100],
  metadata: { team: 'search' },
  external_id: 'cus_1',
  issued_at: 1_767_000_000_000,
  imported_prefix: 'sk-or-v1-',
};

describe('a key in the resolution snapshot', () => {
  it('comes back with every fact, through JSON, named by its document', () => {
    const document: ResolutionKeyDocument = {
      id: 'key-k1',
      kind: 'key',
      position: 41,
      key: packKeyState(key),
      usage: null,
      requests: null,
    };
    const stored = JSON.parse(JSON.stringify(document)) as ResolutionKeyDocument;
    expect(unpackKeyState(stored)).toEqual(key);
    expect(stored.key).not.toContain('owner_user_id');
    // FerretDB refuses arrays nested in arrays: the facts travel as one string.
    expect(typeof stored.key).toBe('string');
  });
});
