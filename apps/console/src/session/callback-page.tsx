import { useQuery } from '@tanstack/react-query';
import { Link, Navigate } from 'react-router';
import { ErrorNote, Loading } from '../components/status';
import { fetchConsoleConfig } from './console-config';
import { completeOidcSignIn } from './oidc';
import { useSession } from './session-context';

/** Where the identity provider sends the browser back: the code becomes a session. */
export function CallbackPage() {
  const { session, signIn } = useSession();
  const exchange = useQuery({
    queryKey: ['oidc-callback'],
    queryFn: async () => {
      const config = await fetchConsoleConfig();
      if (!config.oidc) throw new Error('No identity provider is configured.');
      const token = await completeOidcSignIn(config.oidc, new URL(window.location.href));
      signIn({ token, source: 'oidc' });
      return token;
    },
    retry: false,
    staleTime: Infinity,
  });
  if (session) return <Navigate to="/keys" replace />;
  return (
    <main className="sign-in" id="main">
      <h1>Signing in</h1>
      {exchange.error ? (
        <>
          <ErrorNote error={exchange.error} />
          <Link to="/">Back to sign-in</Link>
        </>
      ) : (
        <Loading what="your session" />
      )}
    </main>
  );
}
