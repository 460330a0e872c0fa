import { timingSafeEqual } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { secretsEqual } from '@keyledger/domain';
import { call, Exchange } from '../support/http';
import { filesContaining } from '../support/scan-files';
import { ensureServiceBuild } from '../support/service-build';
import { ServiceProcess, startServiceProcess } from '../support/service-process';
import { signUserToken } from '../support/tokens';

// Wraps timingSafeEqual so the test can see the domain's comparison go through it.
jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

/** The security headers helmet sets, with the values this API relies on. */
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-dns-prefetch-control': 'off',
  'x-permitted-cross-domain-policies': 'none',
};

/** A secret and its 64 hex characters alone: neither may appear anywhere. */
const needlesOf = (secret: string) => [secret, secret.replace(/^rk_/, '')];

const rotateRoute = /^\/api\/v1\/keys\/\{id\}\/rotate$/;

describe('secrets never leave the create/rotate response', () => {
  let service: ServiceProcess;
  let dataDir: string;
  let owner: string;
  const secrets: string[] = [];
  /** Every exchange except the ones that hand out a secret. */
  const scanned: Exchange<unknown>[] = [];

  const send = async (method: string, path: string, options: Parameters<typeof call>[3] = {}) => {
    const answer = await call(service.baseUrl, method, path, options);
    scanned.push(answer);
    return answer;
  };

  /** Creates a key (or rotates one) and keeps its secret as a needle; the response is not scanned. */
  const issue = async (method: string, path: string, body: unknown) => {
    const answer = await call<{ data: { id: string }; secret: string }>(
      service.baseUrl,
      method,
      path,
      {
        auth: owner,
        body,
      },
    );
    expect(answer.body.secret).toMatch(/^rk_[0-9a-f]{64}$/);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    secrets.push(answer.body.secret);
    return answer.body;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'keyledger-secrets-'));
    service = await startServiceProcess(ensureServiceBuild(), {
      dataDir,
      env: { LOG_LEVEL: 'trace' },
    });
    owner = await signUserToken('alice', {
      orgs: [{ id: 'org_a', permissions: ['manageApiKeys'] }],
    });

    const personal = await issue('POST', '/api/v1/keys', {
      name: 'personal',
      scopes: ['management'],
    });
    const shared = await issue('POST', '/api/v1/keys', {
      name: 'shared',
      org_id: 'org_a',
      scopes: ['management', 'billing'],
    });
    const doomed = await issue('POST', '/api/v1/keys', { name: 'doomed', scopes: ['management'] });
    const { body } = await send('GET', '/openapi.json');
    const paths = Object.keys((body as { paths: Record<string, unknown> }).paths);
    const rotate = paths.find((path) => rotateRoute.test(path));
    if (rotate) await issue('POST', rotate.replace('{id}', shared.data.id), {});
    else console.info('POST /api/v1/keys/{id}/rotate is not there yet: no rotated secrets');

    // Use every secret in both headers, and read everything back, as owner and as each key.
    for (const secret of secrets) {
      await send('GET', '/api/v1/keys?include_revoked=true', { auth: { apiKey: secret } });
      await send('GET', '/api/v1/keys', { auth: secret });
      await send('GET', `/api/v1/keys/${personal.data.id}`, { auth: { apiKey: secret } });
      // Almost the secret: the refusal must not echo what was presented.
      await send('GET', '/api/v1/keys', { auth: { apiKey: `${secret.slice(0, -1)}0` } });
    }
    await send('DELETE', `/api/v1/keys/${doomed.data.id}`, { auth: owner });
    await send('GET', '/api/v1/keys', { auth: { apiKey: secrets[2] } });
    await send('GET', '/api/v1/keys?include_revoked=true', { auth: owner });
    await send('GET', `/api/v1/keys/${shared.data.id}`, { auth: owner });
    // Logs are flushed on a graceful stop: scan what an operator would keep.
    await service.stop();
  }, 300_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const needles = () => secrets.flatMap(needlesOf);

  it('is not in the event store or anywhere in the data directory', () => {
    expect(filesContaining(dataDir, needles())).toEqual([]);
  });

  it('is not in the logs, even at trace level', () => {
    const logs = service.output();
    expect(logs).toContain('request completed');
    expect(needles().filter((needle) => logs.includes(needle))).toEqual([]);
  });

  it('is not in any other response, body or headers', () => {
    const texts = scanned.map((answer) => JSON.stringify([answer.body, [...answer.headers]]));
    expect(texts.length).toBeGreaterThan(secrets.length * 4);
    expect(needles().filter((needle) => texts.some((text) => text.includes(needle)))).toEqual([]);
  });

  it('comes with the security headers, on answers and on refusals', () => {
    const refusal = scanned.find((answer) => answer.status === 401);
    const success = scanned.find((answer) => answer.status === 200);
    for (const answer of [refusal, success]) {
      expect(
        Object.fromEntries(Object.keys(SECURITY_HEADERS).map((h) => [h, answer?.headers.get(h)])),
      ).toEqual(SECURITY_HEADERS);
    }
  });
});

describe('secret comparison', () => {
  it('goes through crypto.timingSafeEqual on equal-length digests', () => {
    const compare = jest.mocked(timingSafeEqual);
    compare.mockClear();
    expect(secretsEqual('rk_abc', 'rk_abc')).toBe(true);
    expect(secretsEqual('rk_abc', 'rk_abd')).toBe(false);
    expect(secretsEqual('short', 'a much longer value')).toBe(false);
    expect(compare).toHaveBeenCalledTimes(3);
    for (const [a, b] of compare.mock.calls) {
      expect((a as Buffer).length).toBe((b as Buffer).length);
    }
  });
});
