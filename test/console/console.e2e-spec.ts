import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { KeyledgerClient } from '@keyledger/client';
import { Browser, Page } from 'playwright-core';
import { spend } from '../resolution/resolution-support';
import { startTestApp, TestApp } from '../support/test-app';
import {
  buildConsole,
  launchChromium,
  recordCspViolations,
  screenshot,
  OidcProvider,
  seriousAxeViolations,
  shown,
  sidewaysOverflow,
  startOidcProvider,
} from './console-browser';

jest.setTimeout(60_000);

const ORGS = [{ id: 'org_console', permissions: ['manageApiKeys', 'manageRouting'] }];

describe('the console at /console, in headless Chromium against the real service', () => {
  let build: ReturnType<typeof buildConsole>;
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let cspViolations: () => Promise<string[]>;
  let api: KeyledgerClient;

  beforeAll(async () => {
    build = buildConsole();
    // WEBHOOKS=off: the test's subscription points at a public-looking URL nobody delivers to.
    // USAGE_FLUSH_INTERVAL_MS: the usage the journey reports is on the key page when it opens.
    app = await startTestApp({
      env: { CONSOLE_DIR: build.dir, WEBHOOKS: 'off', USAGE_FLUSH_INTERVAL_MS: '10' },
    });
    api = new KeyledgerClient({
      baseUrl: app.baseUrl,
      auth: { bearer: await app.token('alice', { orgs: ORGS }) },
    });
    // An org key and a revoked one, so the report has more than one group and state.
    await api.keys.create({ name: 'shared', scope: 'org', limit: 10, limit_reset: 'monthly' });
    const gone = (await api.keys.create({ name: 'retired', scope: 'org' })).data;
    if (gone) await api.keys.revoke(gone.id, { reason: 'retired' });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(10_000);
    cspViolations = await recordCspViolations(page);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    build?.remove();
  });

  const expectAccessible = async (what: string) =>
    expect({ what, violations: await seriousAxeViolations(page) }).toEqual({
      what,
      violations: [],
    });

  const nav = (name: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });

  describe('serving', () => {
    it('serves index.html revalidated, assets hashed and immutable, and a strict CSP on /console only', async () => {
      const index = await fetch(`${app.baseUrl}/console/keys/some-deep-link`);
      expect(index.status).toBe(200);
      expect(index.headers.get('cache-control')).toBe('no-cache');
      const csp = index.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      const html = await index.text();
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      const asset = /src="(\/console\/assets\/[\w-]+-[\w-]{8}\.js)"/.exec(html)?.[1];
      expect(asset).toBeDefined();
      const script = await fetch(`${app.baseUrl}${asset}`);
      expect(script.status).toBe(200);
      expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(script.headers.get('content-type')).toMatch(/javascript/);
      // Read every body: an unread one holds its connection open, and the app's close waits for it.
      await script.arrayBuffer();
      const config = await fetch(`${app.baseUrl}/console/config.json`);
      expect(await config.json()).toEqual({ oidc: null });
      const health = await fetch(`${app.baseUrl}/health`);
      expect(health.headers.get('content-security-policy')).toBeNull();
      await health.arrayBuffer();
    });

    it('splits the build: ECharts and each page in chunks of their own, none of them in index.html', async () => {
      const chunks = readdirSync(join(build.dir, 'assets')).filter((file) => file.endsWith('.js'));
      const named = (prefix: string) => chunks.filter((file) => file.startsWith(`${prefix}-`));
      for (const prefix of [
        'echarts',
        'keys-page',
        'key-page',
        'reports-page',
        'key-policy-page',
      ]) {
        expect({ prefix, chunks: named(prefix).length }).toEqual({ prefix, chunks: 1 });
      }
      const html = await (await fetch(`${app.baseUrl}/console/`)).text();
      expect(html).not.toMatch(/echarts-|-page-/);
    });

    it('says how to build the console when it is not built, and the API still serves', async () => {
      const unbuilt = await startTestApp({ env: { CONSOLE_DIR: join(app.dataDir, 'no-console') } });
      try {
        const page = await fetch(`${unbuilt.baseUrl}/console/`);
        expect(page.status).toBe(503);
        expect(await page.text()).toMatch(/not built .*npm run build/);
        expect((await fetch(`${unbuilt.baseUrl}/health`)).status).toBe(200);
      } finally {
        await unbuilt.close();
      }
    });
  });

  describe('the journey', () => {
    const name = `journey-${Date.now()}`;

    it('1. signs in with a pasted session token', async () => {
      await page.goto(`${app.baseUrl}/console/`);
      await shown(page.getByRole('heading', { name: 'keyledger console' }));
      await expectAccessible('sign-in');
      await screenshot(page, 'sign-in');
      await page.getByLabel(/Paste a session token/).fill(await app.token('alice', { orgs: ORGS }));
      await page.getByRole('button', { name: 'Sign in' }).click();
      await shown(page.getByRole('heading', { name: 'Keys', level: 1 }));
      expect(await page.evaluate('localStorage.length')).toBe(0);
    });

    it('2. creates a key and sees its secret once', async () => {
      await page.getByRole('button', { name: 'Create key' }).click();
      const dialog = page.getByRole('dialog', { name: 'Create a key' });
      await dialog.getByLabel('Name').fill(name);
      await expectAccessible('create dialog');
      await dialog.getByRole('button', { name: 'Create key' }).click();
      const created = page.getByRole('dialog', { name: 'Key created' });
      await shown(created.getByText('you will not see this again'));
      const secret = await created.getByTestId('secret').inputValue();
      expect(secret).toMatch(/^rk_[0-9a-f]{64}$/);
      const stored = await page.evaluate('JSON.stringify({ ...sessionStorage, ...localStorage })');
      expect(stored).not.toContain(secret);
      // The gateway uses the key a few times, so its page has usage to chart.
      for (const cost of [0.5, 1.25, 2]) expect(await spend(app.baseUrl, secret, cost)).toBe(true);
      await created.getByRole('button', { name: 'Done' }).click();
      await page.getByTestId('secret').waitFor({ state: 'detached' });
    });

    it('3. finds it in the list', async () => {
      await page.getByRole('searchbox', { name: 'Name' }).fill(name);
      await page.getByRole('button', { name: 'Apply' }).click();
      await shown(page.getByRole('link', { name }));
      expect(await page.locator('tbody tr').count()).toBe(1);
      await expectAccessible('keys');
    });

    it('4. disables it', async () => {
      await page.getByRole('checkbox', { name: `Select ${name}` }).check();
      await page.getByRole('button', { name: 'Disable selected' }).click();
      await shown(page.locator('tbody tr').first().getByText('disabled', { exact: true }));
      await page.getByRole('link', { name }).click();
      await shown(page.getByRole('heading', { name, level: 1 }));
      await shown(page.locator('.timeline').getByText('Key disabled'));
      await shown(
        page.locator('.timeline li').filter({ hasText: 'Key disabled' }).getByText('user alice'),
      );
      await shown(page.locator('[data-testid="chart"][data-rendered="true"]'));
      await expectAccessible('key page');
      await screenshot(page, 'key');
    });

    it('5. sees the disable in the audit log, with its actor', async () => {
      await nav('Audit').click();
      const row = page.locator('tr[data-event-type="KeyDisabled"]').first();
      await shown(row.getByTestId('actor').filter({ hasText: /^user alice$/ }));
      await shown(page.getByTestId('tree-head').getByText('signature verified here'));
      await expectAccessible('audit');
      await screenshot(page, 'audit');
      await row.getByRole('button', { name: /Details/ }).click();
      const drawer = page.getByRole('dialog', { name: 'Key disabled' });
      // The drawer shows the event's full payload, the reason included.
      await shown(
        drawer.locator('pre').filter({ hasText: '"reason": "bulk disable from the console"' }),
      );
      await shown(drawer.getByText(/^Mozilla.*HeadlessChrome/));
      await drawer.getByRole('button', { name: 'Verify inclusion in the signed tree' }).click();
      await shown(
        drawer.getByTestId('inclusion').filter({ hasText: /^Included in the signed tree/ }),
      );
      await expectAccessible('audit drawer');
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });
    });

    it('6. opens a report and finds its chart drawn with one point per org and state', async () => {
      await nav('Reports').click();
      const report = await api.reports.run('keys-by-state');
      const chart = page.locator('[data-testid="chart"][data-rendered="true"]');
      await shown(chart);
      // A stacked bar per org, one band per state (active, disabled, expired, revoked).
      expect(await chart.getAttribute('data-points')).toBe(String(report.data.length * 4));
      expect(report.data.map((row) => row.org_id)).toEqual(['org_console', null]);
      expect(await page.locator('tbody tr').count()).toBe(report.data.length);
      await expectAccessible('reports');
      await screenshot(page, 'reports');
    });

    it("6b. charts a key's usage by hour: every bucket drawn, the busy one listed", async () => {
      // Disabled at step 4: still charted.
      const [key] = (await api.keys.list({ name, include_disabled: true })).data;
      await nav('Analytics').click();
      await page.getByLabel('Key id').fill(key.id);
      await page.getByRole('button', { name: 'Show' }).click();
      const chart = page.locator('[data-testid="chart"][data-rendered="true"]');
      await shown(chart);
      const points = (await api.analytics.ofKey(key.id)).data;
      // Admitted, refused and cost for every hour of the last 24, empty ones included.
      expect(await chart.getAttribute('data-points')).toBe(String(points.length * 3));
      const busy = page.locator('tbody tr');
      expect(await busy.count()).toBe(1);
      await shown(busy.first().getByRole('cell', { name: '3', exact: true }));
      await expectAccessible('analytics');
      await screenshot(page, 'analytics');
    });

    it('7. creates a webhook and sees its signing secret once', async () => {
      await nav('Webhooks').click();
      await page.getByLabel('Endpoint URL (https)').fill('https://hooks.example.com/keyledger');
      await page.getByRole('button', { name: 'Create webhook' }).click();
      const dialog = page.getByRole('dialog', { name: 'Signing secret' });
      await shown(dialog.getByTestId('secret'));
      expect(await dialog.getByTestId('secret').inputValue()).toMatch(/^whsec_/);
      await dialog.getByRole('button', { name: 'Done' }).click();
      await shown(page.getByRole('heading', { name: 'https://hooks.example.com/keyledger' }));
      await page.getByRole('button', { name: 'Show deliveries' }).click();
      await shown(page.getByText('No delivery yet'));
      await expectAccessible('webhooks');
    });

    it('8. tries a prompt against a routing rule, with the pattern checked as typed', async () => {
      await nav('Routing').click();
      await page.getByRole('button', { name: 'New preference' }).click();
      await page.getByLabel('Name', { exact: true }).fill('journey routing');
      await page.getByRole('button', { name: 'Add rule' }).click();
      const pattern = page.getByLabel('Rule 1 pattern');
      await pattern.fill('(a+)+$');
      await shown(page.getByText(/must not nest quantifiers/));
      expect(await page.getByRole('button', { name: 'Create preference' }).isDisabled()).toBe(true);
      await pattern.fill('^sql\\b');
      await page.getByLabel('Rule 1 mode').fill('code');
      await page.getByRole('textbox', { name: 'Prompt' }).fill('sql select 1');
      await shown(page.getByTestId('prompt-result').filter({ hasText: 'Rule 1' }));
      expect(await page.getByTestId('prompt-result').textContent()).toContain('mode code');
      await expectAccessible('routing editor');
      await screenshot(page, 'routing');
      await page.getByRole('button', { name: 'Create preference' }).click();
      await shown(page.getByRole('cell', { name: 'journey routing', exact: true }));
    });

    const policyForm = () => page.getByRole('form', { name: 'Edit key policy' });
    const DAY_MS = 86_400_000;

    it('policy 1. opens the org key policy, and shows a refused value beside its field', async () => {
      await nav('Key policy').click();
      await shown(page.getByRole('heading', { name: 'Current policy of org_console' }));
      await shown(page.getByText('no cap', { exact: true }));
      await expectAccessible('key policy');
      const lifetime = policyForm().getByLabel(/Maximum key lifetime/);
      await lifetime.fill('0');
      await policyForm()
        .getByLabel(/^Reason/)
        .fill('SOC 2: 30-day keys');
      await policyForm().getByRole('button', { name: 'Save policy' }).click();
      const problem = policyForm()
        .locator('.field-problem')
        .filter({ hasText: 'max_lifetime_days' });
      await shown(problem);
      expect(await lifetime.getAttribute('aria-invalid')).toBe('true');
      expect(await lifetime.getAttribute('aria-describedby')).toBe(
        await problem.getAttribute('id'),
      );
      expect((await api.keyPolicies.get('org_console')).data.updated_at).toBeNull();
      await expectAccessible('key policy with a refused field');
    });

    it('policy 2. saves the policy, and answers a stale write with a clear message and a reload', async () => {
      await policyForm()
        .getByLabel(/Maximum key lifetime/)
        .fill('30');
      await policyForm().getByLabel('Every key must have an IP allowlist').check();
      await policyForm().getByRole('button', { name: 'Save policy' }).click();
      await shown(page.getByRole('status').filter({ hasText: 'Policy saved.' }));
      await shown(page.getByText("30 days from the secret's issue"));
      // The audit log's record of it, read at the write's position: who, and why.
      const change = page
        .getByRole('region', { name: 'Policy changes' })
        .getByRole('row')
        .filter({ hasText: 'SOC 2: 30-day keys' });
      await shown(change.getByRole('cell', { name: 'user alice' }));
      // Someone else changes it behind the console's back: the console still holds the old ETag.
      await api.keyPolicies.set('org_console', {
        max_lifetime_days: 30,
        require_limit: true,
        require_ip_allowlist: true,
        reason: 'every key needs a limit',
      });
      await policyForm().getByLabel('Every key must have an IP allowlist').uncheck();
      await policyForm()
        .getByLabel(/^Reason/)
        .fill('relax the allowlist rule');
      await policyForm().getByRole('button', { name: 'Save policy' }).click();
      const stale = policyForm().getByRole('alert');
      await shown(stale.getByText(/changed by someone else since you opened it/));
      await stale.getByRole('button', { name: 'Reload' }).click();
      // The form starts again from the other writer's version; nothing of the stale write landed.
      await stale.waitFor({ state: 'detached' });
      expect(await policyForm().getByLabel('Every key must have a credit limit').isChecked()).toBe(
        true,
      );
      expect(await policyForm().getByLabel('Every key must have an IP allowlist').isChecked()).toBe(
        true,
      );
      expect((await api.keyPolicies.get('org_console')).data).toMatchObject({
        max_lifetime_days: 30,
        require_limit: true,
        require_ip_allowlist: true,
      });
      await expectAccessible('key policy after a stale write');
      await screenshot(page, 'key-policy');
    });

    it('restrictions 1. creates an org key under the policy: refused beside the allowlist, then with the expiry it allows', async () => {
      await nav('Keys').click();
      await page.getByRole('button', { name: 'Create key' }).click();
      const dialog = page.getByRole('dialog', { name: 'Create a key' });
      await dialog.getByLabel('Name').fill(`${name}-restricted`);
      await dialog.getByLabel('Organization', { exact: true }).check();
      await dialog.getByLabel(/^Limit/).fill('5');
      await dialog.getByRole('button', { name: 'Create key' }).click();
      const allowlist = dialog.getByLabel(/^Allowed IPs and CIDRs/);
      await shown(dialog.locator('.field-problem').filter({ hasText: 'require_ip_allowlist' }));
      expect(await allowlist.getAttribute('aria-invalid')).toBe('true');
      await expectAccessible('create dialog with a policy refusal');
      await allowlist.fill('203.0.113.0/24');
      await dialog.getByRole('button', { name: 'Create key' }).click();
      const created = page.getByRole('dialog', { name: 'Key created' });
      await created.getByRole('link', { name: `Open ${name}-restricted` }).click();
      await shown(page.getByRole('heading', { name: `${name}-restricted`, level: 1 }));
      // No expiry was typed: the service gave the latest the policy's 30 days allow.
      const key = (await api.keys.get(page.url().split('/').pop() ?? '')).data;
      expect(Date.parse(key.expires_at ?? '') - Date.parse(key.created_at)).toBe(30 * DAY_MS);
      expect(key.allowed_ips).toEqual(['203.0.113.0/24']);
    });

    it("restrictions 2. edits a key's restrictions, with policy and validation refusals beside their fields", async () => {
      const keyId = page.url().split('/').pop() ?? '';
      const form = page.getByRole('form', { name: 'Edit restrictions' });
      const allowlist = form.getByLabel(/^Allowed IPs and CIDRs/);
      const save = form.getByRole('button', { name: 'Save restrictions' });
      // The org's policy requires an allowlist: lifting it is a policy_violation on its field.
      await allowlist.fill('');
      await save.click();
      await shown(form.locator('.field-problem').filter({ hasText: 'require_ip_allowlist' }));
      expect(await allowlist.getAttribute('aria-invalid')).toBe('true');
      await screenshot(page.getByRole('region', { name: 'Restrictions' }), 'key-restrictions');
      // An entry that is no address is refused by the service, naming its index.
      await allowlist.fill('203.0.113.0/24\nnot-an-address');
      await save.click();
      await shown(form.locator('.field-problem').filter({ hasText: 'allowed_ips[1]' }));
      // Metadata that is not a JSON object is stopped in the browser, before any request.
      await form.getByLabel(/^Metadata/).fill('{"team":');
      await save.click();
      await shown(form.locator('.field-problem').filter({ hasText: 'must be a JSON object' }));
      expect(await form.getByRole('alert').count()).toBe(0);
      await allowlist.fill('203.0.113.0/24\n198.51.100.7');
      await form.getByRole('button', { name: 'Add rate limit' }).click();
      await form.getByLabel('Rate limit 1 name').fill('requests');
      await form.getByLabel('Rate limit 1 limit').fill('600');
      await form.getByLabel(/^Metadata/).fill('{"team": "search", "tier": 2}');
      await form.getByLabel(/^External id/).fill('cus_console_42');
      await form.getByLabel(/^Reason/).fill('egress range moved');
      await save.click();
      // Saved and read back: the service's canonical form of the address shows.
      await shown(page.getByRole('definition').filter({ hasText: /^cus_console_42$/ }));
      expect(await allowlist.inputValue()).toBe('203.0.113.0/24\n198.51.100.7/32');
      const key = (await api.keys.get(keyId)).data;
      expect(key).toMatchObject({
        allowed_ips: ['203.0.113.0/24', '198.51.100.7/32'],
        rate_limits: [{ name: 'requests', limit: 600, duration_ms: 60_000 }],
        metadata: { team: 'search', tier: 2 },
        external_id: 'cus_console_42',
      });
      // An expiry past the policy's 30 days and no limit: each rule refused beside its field.
      const edit = page.getByRole('form', { name: 'Edit key' });
      const limit = edit.getByLabel(/^Limit/);
      await limit.fill('');
      const expires = edit.getByLabel(/^Expires/);
      const tooLate = new Date(Date.now() + 60 * DAY_MS);
      await expires.fill(
        new Date(tooLate.getTime() - tooLate.getTimezoneOffset() * 60_000)
          .toISOString()
          .slice(0, 16),
      );
      await edit.getByRole('button', { name: 'Save changes' }).click();
      await shown(edit.locator('.field-problem').filter({ hasText: 'max_lifetime_days' }));
      expect(await expires.getAttribute('aria-invalid')).toBe('true');
      await shown(edit.locator('.field-problem').filter({ hasText: 'require_limit' }));
      expect(await limit.getAttribute('aria-invalid')).toBe('true');
      await expectAccessible('key restrictions');
    });

    it('restrictions 3. finds the key by its external id in the list', async () => {
      await nav('Keys').click();
      // Filter once the unfiltered page is up: a page still loading would reset the typed filter.
      await shown(page.getByRole('link', { name: 'shared', exact: true }));
      await page.getByLabel('External id').fill('cus_console_42');
      await page.getByRole('button', { name: 'Apply' }).click();
      // The unfiltered page stays up until the filtered one arrives: wait for another key to go.
      await page.getByRole('link', { name: 'shared', exact: true }).waitFor({ state: 'detached' });
      await shown(page.getByText('external cus_console_42'));
      expect(await page.locator('tbody tr').count()).toBe(1);
      await shown(page.getByRole('link', { name: `${name}-restricted` }));
    });

    it('policy 3. reports the keys that break the policy, with a bar per broken rule', async () => {
      await nav('Reports').click();
      await page
        .getByRole('navigation', { name: 'Reports' })
        .getByRole('link', { name: 'Policy violations' })
        .click();
      const report = await api.reports.run('policy-violations');
      // The 'shared' key of the set-up: no expiry and no allowlist, so two rules broken.
      expect(report.data.map((row) => row.rule).sort()).toEqual([
        'max_lifetime_days',
        'require_ip_allowlist',
      ]);
      const chart = page.locator('[data-testid="chart"][data-rendered="true"]');
      await shown(chart);
      expect(await chart.getAttribute('data-points')).toBe('2');
      expect(await page.locator('tbody tr').count()).toBe(report.data.length);
      await shown(page.getByRole('cell', { name: 'require_ip_allowlist' }));
      await expectAccessible('policy violations report');
      await screenshot(page, 'policy-violations');
    });

    it('9. signs out, and the token is gone', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await shown(page.getByRole('heading', { name: 'keyledger console' }));
      expect(await page.evaluate('sessionStorage.length + localStorage.length')).toBe(0);
    });

    it('broke no Content-Security-Policy rule on the way', async () => {
      expect(await cspViolations()).toEqual([]);
    });
  });

  /** A page of its own, signed in with a pasted token, on the keys page. */
  const signedInPage = async (viewport: { width: number; height: number }, token: string) => {
    const own = await (await browser.newContext({ viewport })).newPage();
    own.setDefaultTimeout(10_000);
    await own.goto(`${app.baseUrl}/console/`);
    await own.getByLabel(/Paste a session token/).fill(token);
    await own.getByRole('button', { name: 'Sign in' }).click();
    await shown(own.getByRole('heading', { name: 'Keys', level: 1 }));
    return own;
  };

  describe('at 390 px wide', () => {
    it('fits the keys and key pages without sideways scrolling, and stays accessible', async () => {
      const narrow = await signedInPage(
        { width: 390, height: 844 },
        await app.token('alice', { orgs: ORGS }),
      );
      try {
        await shown(narrow.getByRole('region', { name: 'Keys table' }));
        expect(await sidewaysOverflow(narrow)).toBe(0);
        expect(await seriousAxeViolations(narrow)).toEqual([]);
        await screenshot(narrow, 'keys-390');
        // The key page, its restriction rows included, fits too.
        await narrow.getByRole('link', { name: 'shared', exact: true }).click();
        await shown(narrow.getByRole('form', { name: 'Edit restrictions' }));
        expect(await sidewaysOverflow(narrow)).toBe(0);
      } finally {
        await narrow.close();
      }
    });
  });

  describe('a member without manageApiKeys', () => {
    it('reads the org key policy and is offered no form to change it, at 390 px too', async () => {
      const member = await signedInPage(
        { width: 390, height: 844 },
        await app.token('bob', { orgs: [{ id: 'org_console', permissions: [] }] }),
      );
      try {
        await member
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'Key policy' })
          .click();
        await shown(member.getByRole('heading', { name: 'Current policy of org_console' }));
        await shown(member.getByText(/needs the manageApiKeys permission in org_console/));
        expect(await member.getByRole('form', { name: 'Edit key policy' }).count()).toBe(0);
        expect(await sidewaysOverflow(member)).toBe(0);
        expect(await seriousAxeViolations(member)).toEqual([]);
      } finally {
        await member.close();
      }
    });
  });

  describe('sign-in with OIDC (authorization code + PKCE) at a real local provider', () => {
    const CLIENT = 'keyledger-console';
    let provider: OidcProvider;
    let oidcApp: TestApp;

    beforeAll(async () => {
      provider = await startOidcProvider(CLIENT);
      oidcApp = await startTestApp({
        env: {
          CONSOLE_DIR: build.dir,
          WEBHOOKS: 'off',
          CONSOLE_OIDC_ISSUER: provider.issuer,
          CONSOLE_OIDC_CLIENT_ID: CLIENT,
          // The API verifies the console's ID tokens through the issuer's JWKS.
          JWT_JWKS_URL: `${provider.issuer}/jwks`,
          JWT_ISSUER: provider.issuer,
          JWT_AUDIENCE: CLIENT,
        },
      });
      await provider.register(`${oidcApp.baseUrl}/console/callback`);
    }, 60_000);

    afterAll(async () => {
      await oidcApp?.close();
      provider?.stop();
    });

    it('tells the console where to sign in, and lets it reach only that issuer', async () => {
      const config = await fetch(`${oidcApp.baseUrl}/console/config.json`);
      expect(await config.json()).toEqual({
        oidc: { issuer: provider.issuer, client_id: CLIENT, scope: 'openid' },
      });
      expect(config.headers.get('content-security-policy')).toContain(
        `connect-src 'self' ${provider.issuer}`,
      );
    });

    it('signs in at the issuer and calls the API with the ID token it returns', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const oidcPage = await context.newPage();
      oidcPage.setDefaultTimeout(10_000);
      try {
        await oidcPage.goto(`${oidcApp.baseUrl}/console/`);
        await oidcPage.getByRole('button', { name: /^Sign in with 127\.0\.0\.1/ }).click();
        // The provider's own development login form, then its consent prompt.
        await oidcPage.locator('input[name="login"]').fill('olivia');
        await oidcPage.locator('input[name="password"]').fill('any');
        await oidcPage.locator('button[type="submit"]').click();
        await oidcPage.locator('button[type="submit"]').click();
        await shown(oidcPage.getByRole('heading', { name: 'Keys', level: 1 }));
        await shown(oidcPage.getByRole('banner').getByText('olivia'));
        // The list answered for olivia: the API accepted the token (an error would show instead).
        await shown(oidcPage.getByText(/No key matches these filters/));
        const stored = JSON.parse(
          String(await oidcPage.evaluate('sessionStorage.getItem("keyledger.console.session")')),
        ) as { source: string; token: string };
        expect(stored.source).toBe('oidc');
        const claims = JSON.parse(
          Buffer.from(stored.token.split('.')[1], 'base64url').toString(),
        ) as Record<string, unknown>;
        expect(claims).toMatchObject({ iss: provider.issuer, aud: CLIENT, sub: 'olivia' });
        expect(
          await oidcPage.evaluate('sessionStorage.getItem("keyledger.console.oidc")'),
        ).toBeNull();
        expect(await oidcPage.evaluate('localStorage.length')).toBe(0);
      } finally {
        await context.close();
      }
    });
  });
});
