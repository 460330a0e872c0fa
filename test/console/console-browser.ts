import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import AxeBuilder from '@axe-core/playwright';
import { Browser, chromium, Locator, Page } from 'playwright-core';

/** Debian's chromium (`.ci/run` installs it); CHROMIUM_PATH points elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What a closed network needs: no sandbox as root, no GPU, nothing fetched in the background. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Builds the console into a fresh folder, so a test never serves a stale dist/console. */
export function buildConsole(): { readonly dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'keyledger-console-'));
  execFileSync(
    join('node_modules', '.bin', 'vite'),
    ['build', '--config', 'apps/console/vite.config.mjs', '--logLevel', 'error'],
    {
      env: { ...process.env, CONSOLE_OUT_DIR: dir },
      stdio: 'inherit',
    },
  );
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Starts headless Chromium; never downloads a browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/** Records every Content-Security-Policy violation the page reports, for the test to read. */
export async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  // A string, not a function: it runs in the page, whose globals the Node tsconfig does not know.
  await page.addInitScript(`
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI));
  `);
  return async () => (await page.evaluate('window.cspViolations')) as string[];
}

/** Waits until the locator's element is visible (Playwright's own wait, bounded by its timeout). */
export const shown = (locator: Locator): Promise<void> => locator.waitFor({ state: 'visible' });

/** How far the page scrolls sideways, in CSS pixels: 0 when it fits its viewport's width. */
export const sidewaysOverflow = async (page: Page): Promise<number> =>
  (await page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  )) as number;

/** The serious and critical axe-core violations on the page as it is now (WCAG 2.1 A and AA). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

/**
 * Saves a screenshot for the README when CONSOLE_SCREENSHOTS is set (`npm run screenshots`): of
 * the page's viewport, or of one element (a panel) whole.
 */
export async function screenshot(target: Page | Locator, name: string): Promise<void> {
  if (!process.env.CONSOLE_SCREENSHOTS) return;
  const dir = join('apps', 'console', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await target.screenshot({ path: join(dir, `${name}.png`) });
}

/** A real OpenID Connect provider in a child process (test/console/oidc-provider.mjs). */
export interface OidcProvider {
  readonly issuer: string;
  /** Registers the console's redirect URI as a public PKCE client; resolves once it serves. */
  register(redirectUri: string): Promise<void>;
  stop(): void;
}

/** Starts the provider on a free loopback port (it is ESM only, so it runs outside Jest). */
export async function startOidcProvider(clientId: string): Promise<OidcProvider> {
  const child = spawn(process.execPath, [join('test', 'console', 'oidc-provider.mjs')], {
    env: { ...process.env, OIDC_CLIENT_ID: clientId },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // Its start-up warnings (development keys, in-memory store) are the point here: drop them.
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (!line.startsWith('oidc-provider WARNING')) console.error(line);
  });
  const lines = createInterface({ input: child.stdout });
  const nextLine = (prefix: string) =>
    new Promise<string>((resolve, reject) => {
      const onLine = (line: string) => {
        if (!line.startsWith(prefix)) return;
        lines.off('line', onLine);
        resolve(line.slice(prefix.length).trim());
      };
      lines.on('line', onLine);
      child.once('exit', (code) => reject(new Error(`the OIDC provider exited with ${code}`)));
    });
  const issuer = await nextLine('issuer ');
  return {
    issuer,
    register: async (redirectUri) => {
      const ready = nextLine('ready');
      child.stdin.write(`${redirectUri}\n`);
      await ready;
    },
    stop: () => void child.kill(),
  };
}
