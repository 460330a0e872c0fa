import * as oauth from 'oauth4webapi';
import { ConsoleConfig } from './console-config';

type OidcConfig = NonNullable<ConsoleConfig['oidc']>;

// The PKCE verifier and state wait here while the browser is at the issuer; removed on return.
const PENDING = 'keyledger.console.oidc';

/** The page the issuer sends the browser back to. */
export const callbackUrl = (): string => `${window.location.origin}/console/callback`;

// A local issuer (a developer's, a test's) speaks plain http; anything else must be https.
const requestOptions = (issuer: URL) => ({
  [oauth.allowInsecureRequests]: ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname),
});

async function discover(config: OidcConfig): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(config.issuer);
  const response = await oauth.discoveryRequest(issuer, requestOptions(issuer));
  return oauth.processDiscoveryResponse(issuer, response);
}

/** Sends the browser to the issuer: authorization code flow with PKCE (S256). */
export async function beginOidcSignIn(config: OidcConfig): Promise<void> {
  const server = await discover(config);
  if (server.authorization_endpoint === undefined)
    throw new Error('The issuer has no authorization endpoint.');
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  const url = new URL(server.authorization_endpoint);
  url.searchParams.set('client_id', config.client_id);
  url.searchParams.set('redirect_uri', callbackUrl());
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', config.scope);
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  window.location.assign(url.href);
}

/**
 * Exchanges the code the issuer sent back for tokens and returns the ID token, a JWT signed by
 * the issuer that the API verifies through the issuer's JWKS.
 */
export async function completeOidcSignIn(config: OidcConfig, returned: URL): Promise<string> {
  const stored = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  if (stored === null) throw new Error('No sign-in was started in this tab: start again.');
  const { verifier, state } = JSON.parse(stored) as { verifier: string; state: string };
  const server = await discover(config);
  const client: oauth.Client = { client_id: config.client_id };
  const parameters = oauth.validateAuthResponse(server, client, returned, state);
  const response = await oauth.authorizationCodeGrantRequest(
    server,
    client,
    oauth.None(),
    parameters,
    callbackUrl(),
    verifier,
    requestOptions(new URL(config.issuer)),
  );
  const tokens = await oauth.processAuthorizationCodeResponse(server, client, response, {
    requireIdToken: true,
  });
  if (tokens.id_token === undefined) throw new Error('The issuer sent no ID token.');
  return tokens.id_token;
}
