import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  jwtVerify,
  JWTPayload,
  JWTVerifyGetKey,
} from 'jose';
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
}

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

/** Verifies session tokens: HS256 with the shared secret, or an asymmetric issuer's JWKS. */
export class JwtVerifier {
  private readonly secret: Uint8Array;
  private readonly jwks: JWTVerifyGetKey | null;

  constructor(private readonly options: JwtVerifierOptions) {
    this.secret = new TextEncoder().encode(options.secret);
    this.jwks = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : null;
  }

  /** The principal a token speaks for, or an `invalid_token` ApiError. */
  async verify(token: string): Promise<Principal> {
    const payload = await this.verifySignature(token);
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw invalidToken('its claims are malformed');
    return {
      kind: 'user',
      user_id: claims.data.sub,
      active_org_id: claims.data.org_id ?? null,
      orgs: claims.data.orgs,
      plan_tier: claims.data.plan ?? null,
    };
  }

  private async verifySignature(token: string): Promise<JWTPayload> {
    const common = {
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
