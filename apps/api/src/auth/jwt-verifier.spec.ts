import { SignJWT, UnsecuredJWT } from 'jose';
import { ApiError } from '../shared/errors/api-error';
import { JwtVerifier } from './jwt-verifier';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const verifier = new JwtVerifier({ secret, jwksUrl: null, issuer: null, audience: null });

const sign = (claims: Record<string, unknown>, key = secret, expiresIn: string | number = '5m') =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(key));

async function refusal(token: string): Promise<ApiError> {
  const error = await verifier.verify(token).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error('expected an ApiError');
  return error;
}

describe('JwtVerifier', () => {
  it('turns valid HS256 claims into a user principal', async () => {
    const token = await sign({
      sub: 'user_1',
      org_id: 'org_1',
      orgs: [{ id: 'org_1', permissions: ['manageApiKeys'] }],
      plan: 'premium',
    });
    await expect(verifier.verify(token)).resolves.toEqual({
      kind: 'user',
      user_id: 'user_1',
      active_org_id: 'org_1',
      orgs: [{ id: 'org_1', permissions: ['manageApiKeys'] }],
      plan_tier: 'premium',
    });
  });

  it('refuses a token signed with another secret', async () => {
    const error = await refusal(
      await sign({ sub: 'u' }, 'another-secret-that-is-long-enough-000000'),
    );
    expect([error.status, error.code]).toEqual([401, 'invalid_token']);
  });

  it('refuses an expired token', async () => {
    const error = await refusal(
      await sign({ sub: 'u' }, secret, Math.floor(Date.now() / 1000) - 60),
    );
    expect(error.message).toMatch(/expired/);
  });

  it('refuses alg none', async () => {
    const token = new UnsecuredJWT({ sub: 'u' }).setExpirationTime('5m').encode();
    expect((await refusal(token)).code).toBe('invalid_token');
  });

  it('refuses a token without exp', async () => {
    const token = await new SignJWT({ sub: 'u' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(secret));
    expect((await refusal(token)).code).toBe('invalid_token');
  });

  it('refuses malformed claims', async () => {
    expect((await refusal(await sign({ sub: 'u', orgs: 'everything' }))).code).toBe(
      'invalid_token',
    );
  });

  it('refuses garbage', async () => {
    expect((await refusal('not.a.jwt')).code).toBe('invalid_token');
  });

  describe('remembering verified tokens', () => {
    const start = Date.UTC(2026, 0, 1) / 1000;
    const signAt = (claims: { exp: number; nbf?: number }) =>
      new SignJWT({ sub: 'user_1' })
        .setProtectedHeader({ alg: 'HS256' })
        .setExpirationTime(claims.exp);
    const clocked = () => {
      const clock = { ms: start * 1000 };
      const clockedVerifier = new JwtVerifier({
        secret,
        jwksUrl: null,
        issuer: null,
        audience: null,
        now: () => clock.ms,
      });
      return { clock, verifier: clockedVerifier };
    };
    const key = new TextEncoder().encode(secret);

    it('accepts a token again while it is valid, and refuses it from its exp on', async () => {
      const { clock, verifier: clockedVerifier } = clocked();
      const token = await signAt({ exp: start + 30 }).sign(key);
      await expect(clockedVerifier.verify(token)).resolves.toMatchObject({ user_id: 'user_1' });
      clock.ms += 29_000;
      await expect(clockedVerifier.verify(token)).resolves.toMatchObject({ user_id: 'user_1' });
      clock.ms += 1_000;
      await expect(clockedVerifier.verify(token)).rejects.toMatchObject({
        code: 'invalid_token',
        message: expect.stringMatching(/expired/),
      });
    });

    it('refuses a token before its nbf, and accepts it from then on', async () => {
      const { clock, verifier: clockedVerifier } = clocked();
      const token = await signAt({ exp: start + 120 })
        .setNotBefore(start + 10)
        .sign(key);
      await expect(clockedVerifier.verify(token)).rejects.toMatchObject({ code: 'invalid_token' });
      clock.ms += 10_000;
      await expect(clockedVerifier.verify(token)).resolves.toMatchObject({ user_id: 'user_1' });
    });

    it('never remembers a refusal: a tampered copy of a verified token stays refused', async () => {
      const token = await sign({ sub: 'user_1' });
      await verifier.verify(token);
      const [header, payload] = token.split('.');
      const forged = `${header}.${payload}.${'A'.repeat(43)}`;
      expect((await refusal(forged)).code).toBe('invalid_token');
      expect((await refusal(forged)).code).toBe('invalid_token');
    });
  });
});
