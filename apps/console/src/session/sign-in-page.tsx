import { useMutation, useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { ErrorNote, Loading } from '../components/status';
import { fetchConsoleConfig } from './console-config';
import { beginOidcSignIn } from './oidc';
import { useSession } from './session-context';

/** Sign in: with the organization's identity provider when configured, or a pasted token. */
export function SignInPage() {
  const { signIn } = useSession();
  const [token, setToken] = useState('');
  const config = useQuery({
    queryKey: ['console-config'],
    queryFn: fetchConsoleConfig,
    staleTime: Infinity,
  });
  const oidc = useMutation({
    mutationFn: async () => {
      if (!config.data?.oidc) throw new Error('No identity provider is configured.');
      await beginOidcSignIn(config.data.oidc);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn({ token: token.trim(), source: 'token' });
  };
  return (
    <main className="sign-in" id="main">
      <h1>keyledger console</h1>
      {config.isPending && <Loading what="sign-in options" />}
      {config.error && <ErrorNote error={config.error} />}
      {config.data?.oidc && (
        <section className="panel stack" aria-label="Single sign-on">
          <h2>Single sign-on</h2>
          <button
            type="button"
            className="primary"
            onClick={() => oidc.mutate()}
            disabled={oidc.isPending}
          >
            Sign in with {new URL(config.data.oidc.issuer).host}
          </button>
          {oidc.error && <ErrorNote error={oidc.error} />}
        </section>
      )}
      <form className="panel stack" onSubmit={submit} aria-label="Sign in with a session token">
        <h2>Session token</h2>
        <label>
          Paste a session token (development: <code>npm run token -- --sub you --org org_1</code>)
          <textarea
            required
            rows={4}
            className="mono"
            value={token}
            onChange={(e) => setToken(e.target.value)}
          />
        </label>
        <p className="muted">
          It is kept for this tab only and forgotten when you sign out or close it.
        </p>
        <button type="submit" className={config.data?.oidc ? undefined : 'primary'}>
          Sign in
        </button>
      </form>
    </main>
  );
}
