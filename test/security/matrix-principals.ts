import { SignJWT, UnsecuredJWT } from 'jose';
import { call } from '../support/http';
import { signUserToken, TEST_JWT_SECRET } from '../support/tokens';

/** Who calls, in the columns of the authorization matrix. */
export const PRINCIPALS = [
  'owner',
  'orgAdmin',
  'orgMember',
  'otherOrg',
  'managementKey',
  'billingKey',
  'completionsKey',
  'anonymous',
  'expiredToken',
  'foreignSecret',
  'algNone',
  'noExp',
] as const;

/** A column of the matrix. */
export type PrincipalName = (typeof PRINCIPALS)[number];

/** The principals whose tenant is org_a: they may see org_a's keys, and nothing of org_b's. */
export const TENANT_A: readonly PrincipalName[] = [
  'owner',
  'orgAdmin',
  'orgMember',
  'managementKey',
  'billingKey',
  'completionsKey',
];

/** The headers each principal authenticates with (none for anonymous). */
export type Credentials = Readonly<Record<PrincipalName, Readonly<Record<string, string>>>>;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const tenantA = { orgs: [{ id: 'org_a', permissions: ['manageApiKeys', 'manageRouting'] }] };

/**
 * Signs the users' tokens and creates org_a's API keys (as the owner). The bad tokens are the
 * classic forgeries: expired, signed with another secret, `alg: none`, and without `exp`.
 */
export async function principalCredentials(baseUrl: string): Promise<Credentials> {
  const owner = await signUserToken('alice', tenantA);
  const apiKey = async (scopes: string[]) => {
    const created = await call<{ secret: string }>(baseUrl, 'POST', '/api/v1/keys', {
      auth: owner,
      body: { name: `as-${scopes.join('-')}`, org_id: 'org_a', scopes },
    });
    return { 'x-api-key': created.body.secret };
  };
  const unsigned = new UnsecuredJWT({ orgs: tenantA.orgs, org_id: 'org_a' })
    .setSubject('alice')
    .setExpirationTime('10m')
    .encode();
  const withoutExp = await new SignJWT({ orgs: tenantA.orgs, org_id: 'org_a' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('alice')
    .sign(new TextEncoder().encode(TEST_JWT_SECRET));
  return {
    owner: bearer(owner),
    orgAdmin: bearer(await signUserToken('carol', tenantA)),
    orgMember: bearer(await signUserToken('dave', { orgs: [{ id: 'org_a', permissions: [] }] })),
    otherOrg: bearer(
      await signUserToken('eve', { orgs: [{ id: 'org_b', permissions: ['manageApiKeys'] }] }),
    ),
    managementKey: await apiKey(['management']),
    billingKey: await apiKey(['billing']),
    completionsKey: await apiKey(['completions']),
    anonymous: {},
    expiredToken: bearer(
      await signUserToken('alice', { ...tenantA, expiresIn: Math.floor(Date.now() / 1000) - 60 }),
    ),
    foreignSecret: bearer(
      await signUserToken('alice', { ...tenantA, secret: 'not-the-service-secret-0123456789-abc' }),
    ),
    algNone: bearer(unsigned),
    noExp: bearer(withoutExp),
  };
}
