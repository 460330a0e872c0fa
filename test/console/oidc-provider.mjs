// A real OpenID Connect provider (the `oidc-provider` package) for the console's sign-in test.
// It listens on a free loopback port and prints `issuer <url>`; it then reads the console's
// redirect URI from stdin (the app's port is known only once the app runs with this issuer),
// registers the console as a public PKCE client, and prints `ready`. The built-in development
// login form signs in any login name, with any password.
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import Provider from 'oidc-provider';

const CLIENT_ID = process.env.OIDC_CLIENT_ID ?? 'keyledger-console';
const ORG = { id: 'org_oidc', permissions: ['manageApiKeys', 'manageRouting'] };

const server = createServer();
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  console.log(`issuer ${issuer}`);
  createInterface({ input: process.stdin }).once('line', (redirectUri) => {
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT_ID,
          redirect_uris: [redirectUri.trim()],
          response_types: ['code'],
          grant_types: ['authorization_code'],
          token_endpoint_auth_method: 'none',
        },
      ],
      // keyledger reads its session claims (SPEC §1) from the ID token.
      conformIdTokenClaims: false,
      claims: { openid: ['sub', 'org_id', 'orgs'] },
      findAccount: (_ctx, id) => ({
        accountId: id,
        claims: () => ({ sub: id, org_id: ORG.id, orgs: [ORG] }),
      }),
      features: { devInteractions: { enabled: true } },
      cookies: { keys: ['keyledger-console-test'] },
    });
    provider.on('server_error', (_ctx, error) => console.error(error));
    server.on('request', provider.callback());
    console.log('ready');
  });
});
