/** How the client authenticates: a user's session token, or an API key's secret. */
export type Auth = { readonly bearer: string } | { readonly apiKey: string };

/** The header that carries the credentials; none for an anonymous client. */
export function authHeaders(auth: Auth | undefined): Record<string, string> {
  if (auth === undefined) return {};
  if ('bearer' in auth) return { authorization: `Bearer ${auth.bearer}` };
  return { 'x-api-key': auth.apiKey };
}
