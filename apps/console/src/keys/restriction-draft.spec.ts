import { Key } from '@keyledger/client';
import {
  allowlistEntries,
  blankRateLimit,
  rateLimitDraft,
  restrictionsDraft,
  restrictionsPatch,
} from './restriction-draft';

const KEY = {
  allowed_ips: ['203.0.113.0/24'],
  rate_limits: [{ name: 'requests', limit: 600, duration_ms: 60_000 }],
  metadata: { team: 'search', tier: 2 },
  external_id: 'cus_1',
} as Partial<Key> as Key;

describe('the key restrictions draft', () => {
  it('sends nothing when nothing changed, not even the reason', () => {
    expect(restrictionsPatch(KEY, { ...restrictionsDraft(KEY), reason: 'audit' })).toEqual({
      patch: {},
    });
  });

  it('sends only what changed, with the reason', () => {
    const draft = restrictionsDraft(KEY);
    expect(
      restrictionsPatch(KEY, {
        ...draft,
        allowedIps: '203.0.113.0/24\n 2001:db8::/32 ,10.0.0.1\n\n',
        externalId: '  ',
        reason: ' egress moved ',
      }),
    ).toEqual({
      patch: {
        allowed_ips: ['203.0.113.0/24', '2001:db8::/32', '10.0.0.1'],
        external_id: null,
        reason: 'egress moved',
      },
    });
  });

  it('turns each rate limit row into a limit per window in milliseconds', () => {
    const draft = restrictionsDraft(KEY);
    const hourly = {
      ...blankRateLimit(),
      name: ' tokens ',
      limit: '5000',
      every: '2',
      unit: 'h' as const,
    };
    expect(restrictionsPatch(KEY, { ...draft, rateLimits: [...draft.rateLimits, hourly] })).toEqual(
      {
        patch: {
          rate_limits: [
            { name: 'requests', limit: 600, duration_ms: 60_000 },
            { name: 'tokens', limit: 5000, duration_ms: 7_200_000 },
          ],
        },
      },
    );
    expect(restrictionsPatch(KEY, { ...draft, rateLimits: [] }).patch).toEqual({ rate_limits: [] });
  });

  it('shows a stored window in the largest unit that divides it', () => {
    const window = (duration_ms: number) => {
      const { every, unit } = rateLimitDraft({ name: 'r', limit: 1, duration_ms });
      return `${every} ${unit}`;
    };
    expect([60_000, 90_000, 86_400_000, 1_500].map(window)).toEqual([
      '1 min',
      '90 s',
      '1 d',
      '1500 ms',
    ]);
  });

  it('refuses metadata that is not a JSON object, and clears it when blank', () => {
    const draft = restrictionsDraft(KEY);
    for (const metadata of ['{"team":', '["a"]', '"text"', 'null']) {
      expect(restrictionsPatch(KEY, { ...draft, metadata }).problems).toEqual([
        { field: 'metadata', message: expect.stringMatching(/^must be a JSON object/) },
      ]);
    }
    expect(restrictionsPatch(KEY, { ...draft, metadata: ' ' }).patch).toEqual({ metadata: {} });
  });

  it('reads an allowlist split by lines, commas or spaces', () => {
    expect(allowlistEntries(' 10.0.0.0/8, 192.0.2.1 \n\n::1 ')).toEqual([
      '10.0.0.0/8',
      '192.0.2.1',
      '::1',
    ]);
  });
});
