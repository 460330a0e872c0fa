import { createSecretKey, KeyObject } from 'node:crypto';
import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  jwtVerify,
  JWTPayload,
  JWTVerifyGetKey,
} from 'jose';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { Principal } from '@keyledger/domain';
import { invalidToken } from '../shared/errors/api-error';

const membershipSchema = z.object({
  id: z.string().min(1).max(128),
  permissions: z.array(z.string().max(64)).max(64).default([]),
});

/** The session claims of SPEC §1; anything else in the token is ignored. */
const claimsSchema = z.object({
  sub: z.string().min(1).max(128),
  org_id: z.string().min(1).max(128).nullish(),
  orgs: z.array(membershipSchema).max(256).default([]),
  plan: z.string().min(1).max(64).nullish(),
});

export interface JwtVerifierOptions {
  readonly secret: string;
  readonly jwksUrl: string | null;
  readonly issuer: string | null;
  readonly audience: string | null;
  /** Milliseconds since the epoch; the system clock unless a test sets it. */
  readonly now?: () => number;
}

/** A verified token's principal, and the span of time in which the token is valid. */
interface Verified {
  readonly principal: Principal;
  readonly notBeforeMs: number;
  readonly expiresAtMs: number;
}

/** How many verified tokens are remembered, and for how long at most. */
const REMEMBERED_TOKENS = 10_000;
const REMEMBERED_MS = 60_000;

const ASYMMETRIC = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

/**
 * Verifies session tokens: HS256 with the shared secret, or an asymmetric issuer's JWKS.
 *
 * A client sends the same session token with every call, and checking its signature cost more
 * than a whole key read: a token that verified is remembered (at most a minute, never past its
 * `exp`, the newest 10,000 tokens), so its next calls only check the time. Refusals are never
 * remembered: each one is checked, counted and throttled as before.
 */
export class JwtVerifier {
  private readonly secret: KeyObject;
  private readonly jwks: JWTVerifyGetKey | null;
  private readonly now: () => number;
  private readonly verified = new LRUCache<string, Verified>({ max: REMEMBERED_TOKENS });

  constructor(private readonly options: JwtVerifierOptions) {
    // One key object: jose would otherwise import the secret's bytes again on every call.
    this.secret = createSecretKey(Buffer.from(options.secret, 'utf8'));
    this.jwks = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : null;
    this.now = options.now ?? Date.now;
  }

  /** The principal a token speaks for, or an `invalid_token` ApiError. */
  async verify(token: string): Promise<Principal> {
    const now = this.now();
    const remembered = this.verified.get(token);
    if (remembered !== undefined) {
      if (now >= remembered.notBeforeMs && now < remembered.expiresAtMs) {
        return remembered.principal;
      }
      this.verified.delete(token);
    }
    const payload = await this.verifySignature(token, now);
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw invalidToken('its claims are malformed');
    const principal: Principal = {
      kind: 'user',
      user_id: claims.data.sub,
      active_org_id: claims.data.org_id ?? null,
      orgs: claims.data.orgs,
      plan_tier: claims.data.plan ?? null,
    };
    this.remember(token, payload, principal, now);
    return principal;
  }

  private remember(token: string, payload: JWTPayload, principal: Principal, now: number): void {
    // jose required exp; nbf is optional. Both are seconds since the epoch.
    const expiresAtMs = Math.min((payload.exp ?? 0) * 1000, now + REMEMBERED_MS);
    const notBeforeMs = payload.nbf === undefined ? -Infinity : payload.nbf * 1000;
    if (expiresAtMs > now) this.verified.set(token, { principal, notBeforeMs, expiresAtMs });
  }

  private async verifySignature(token: string, now: number): Promise<JWTPayload> {
    const common = {
      currentDate: new Date(now),
      requiredClaims: ['exp', 'sub'],
      ...(this.options.issuer ? { issuer: this.options.issuer } : {}),
      ...(this.options.audience ? { audience: this.options.audience } : {}),
    };
    try {
      const { alg } = decodeProtectedHeader(token);
      if (alg === 'HS256') {
        return (await jwtVerify(token, this.secret, { ...common, algorithms: ['HS256'] })).payload;
      }
      if (this.jwks && alg && ASYMMETRIC.includes(alg)) {
        return (await jwtVerify(token, this.jwks, { ...common, algorithms: ASYMMETRIC })).payload;
      }
    } catch (error) {
      throw invalidToken(describeJoseError(error));
    }
    throw invalidToken('its signing algorithm is not accepted');
  }
}

function describeJoseError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ERR_JWT_EXPIRED') return 'it has expired';
  if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return 'its signature does not verify';
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') return 'a required claim is missing or wrong';
  return 'it is malformed';
}
