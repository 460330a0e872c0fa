import { SignJWT } from 'jose';

/** The JWT secret every test instance of the service is configured with. */
export const TEST_JWT_SECRET = 'e2e-test-secret-0123456789-0123456789-abcdef';

/** An org membership as the identity provider's token states it. */
export interface OrgClaim {
  readonly id: string;
  readonly permissions?: readonly string[];
}

/** What a test session token says about its user, and how it is signed. */
export interface TokenOptions {
  readonly orgs?: readonly OrgClaim[];
  /** The active org; omitted: the first membership. */
  readonly activeOrg?: string | null;
  readonly plan?: string;
  readonly expiresIn?: string | number;
  readonly secret?: string;
}

/** A session token for a user, signed like the identity provider would. */
export function signUserToken(sub: string, claims: TokenOptions = {}): Promise<string> {
  const orgs = (claims.orgs ?? []).map((org) => ({
    id: org.id,
    permissions: org.permissions ?? [],
  }));
  return new SignJWT({
    org_id: claims.activeOrg === undefined ? orgs[0]?.id : claims.activeOrg,
    orgs,
    ...(claims.plan ? { plan: claims.plan } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setExpirationTime(claims.expiresIn ?? '10m')
    .sign(new TextEncoder().encode(claims.secret ?? TEST_JWT_SECRET));
}
