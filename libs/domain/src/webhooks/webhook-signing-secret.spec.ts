import { webhookSigningSecret } from './webhook-signing-secret';

const serverKey = 'k'.repeat(32);

describe('webhookSigningSecret', () => {
  it('is the same for the same subscription and version, so it never needs storing', () => {
    expect(webhookSigningSecret(serverKey, 'w1', 1)).toBe(webhookSigningSecret(serverKey, 'w1', 1));
    expect(webhookSigningSecret(serverKey, 'w1', 1)).toMatch(/^whsec_[0-9a-f]{64}$/);
  });

  it('differs per subscription, per version and per server key', () => {
    const secrets = new Set([
      webhookSigningSecret(serverKey, 'w1', 1),
      webhookSigningSecret(serverKey, 'w2', 1),
      webhookSigningSecret(serverKey, 'w1', 2),
      webhookSigningSecret('x'.repeat(32), 'w1', 1),
    ]);
    expect(secrets.size).toBe(4);
  });

  it('refuses a short server key', () => {
    expect(() => webhookSigningSecret('short', 'w1', 1)).toThrow(/32 characters/);
  });
});
