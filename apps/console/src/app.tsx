import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense } from 'react';
import { BrowserRouter, Navigate, NavLink, Route, Routes } from 'react-router';
import { lazyPage } from './components/lazy-page';
import { Loading } from './components/status';
import { CallbackPage } from './session/callback-page';
import { SessionProvider, useSession } from './session/session-context';
import { SignInPage } from './session/sign-in-page';

// Each page is its own chunk, fetched when first opened: sign-in loads none of them.
const KeysPage = lazyPage(() => import('./keys/keys-page'), 'KeysPage');
const KeyPage = lazyPage(() => import('./keys/key-page'), 'KeyPage');
const AuditPage = lazyPage(() => import('./audit/audit-page'), 'AuditPage');
const ReportsPage = lazyPage(() => import('./reports/reports-page'), 'ReportsPage');
const KeyPolicyPage = lazyPage(() => import('./policies/key-policy-page'), 'KeyPolicyPage');
const AnalyticsPage = lazyPage(() => import('./analytics/analytics-page'), 'AnalyticsPage');
const RoutingPage = lazyPage(() => import('./routing/routing-page'), 'RoutingPage');
const WebhooksPage = lazyPage(() => import('./webhooks/webhooks-page'), 'WebhooksPage');

const NAV = [
  { to: '/keys', label: 'Keys' },
  { to: '/audit', label: 'Audit' },
  { to: '/reports', label: 'Reports' },
  { to: '/key-policy', label: 'Key policy' },
  { to: '/analytics', label: 'Analytics' },
  { to: '/routing', label: 'Routing' },
  { to: '/webhooks', label: 'Webhooks' },
] as const;

/** The signed-in frame: header with navigation and sign-out, and the page. */
function Shell() {
  const { subject, signOut } = useSession();
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">keyledger</span>
        <nav aria-label="Main">
          {NAV.map((item) => (
            <NavLink key={item.to} to={item.to}>
              {item.label}
            </NavLink>
          ))}
        </nav>
        <span className="who">
          {subject && <span className="muted">{subject}</span>}
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading what="the page" />}>
          <Routes>
            <Route path="/keys" element={<KeysPage />} />
            <Route path="/keys/:id" element={<KeyPage />} />
            <Route path="/audit" element={<AuditPage />} />
            <Route path="/reports" element={<ReportsPage />} />
            <Route path="/reports/:name" element={<ReportsPage />} />
            <Route path="/key-policy" element={<KeyPolicyPage />} />
            <Route path="/key-policy/:orgId" element={<KeyPolicyPage />} />
            <Route path="/analytics" element={<AnalyticsPage />} />
            <Route path="/routing" element={<RoutingPage />} />
            <Route path="/webhooks" element={<WebhooksPage />} />
            <Route path="*" element={<Navigate to="/keys" replace />} />
          </Routes>
        </Suspense>
      </main>
    </>
  );
}

function Gate() {
  const { session } = useSession();
  return (
    <Routes>
      <Route path="/callback" element={<CallbackPage />} />
      <Route path="*" element={session ? <Shell /> : <SignInPage />} />
    </Routes>
  );
}

const queries = new QueryClient({
  defaultOptions: {
    // A refusal (403, 404, 400) will not change on retry; one retry covers a dropped connection.
    queries: { retry: 1, refetchOnWindowFocus: false },
  },
});

/** The console: sign-in, then keys, audit, reports, key policy, routing and webhooks. */
export function App() {
  return (
    <QueryClientProvider client={queries}>
      <SessionProvider>
        <BrowserRouter basename="/console">
          <Gate />
        </BrowserRouter>
      </SessionProvider>
    </QueryClientProvider>
  );
}
