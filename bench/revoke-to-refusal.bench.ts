import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startServiceProcess, ServiceProcess } from '../test/support/service-process';
import { signUserToken } from '../test/support/tokens';
import { Goal } from './goals';
import { BenchTable } from './table';
import { envCount } from '../test/support/scale';

const MAIN = join(__dirname, '..', 'apps', 'api', 'src', 'main.js');

/** The status `POST /api/v1/resolve` answers for a secret. */
const resolveStatus = async (service: ServiceProcess, secret: string): Promise<number> =>
  (
    await fetch(`${service.baseUrl}/api/v1/resolve`, {
      method: 'POST',
      headers: { 'x-api-key': secret },
    })
  ).status;

/** Resolves `secret` on `service` until the answer is `status`; returns the milliseconds it took. */
async function untilStatus(
  service: ServiceProcess,
  secret: string,
  status: number,
): Promise<number> {
  const started = performance.now();
  while ((await resolveStatus(service, secret)) !== status) {
    if (performance.now() - started > 10_000) throw new Error(`never answered ${status}`);
  }
  return performance.now() - started;
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/**
 * Two service processes on one embedded store (as two gateways' resolvers would run): a key is
 * revoked through A; the clock starts when A's DELETE answers. On A the very next resolve must
 * already be refused (0 ms by construction: counted as a violation otherwise); B is polled until
 * it refuses, which measures how fast the other instance follows.
 */
export async function revokeToRefusalBench(): Promise<{ table: BenchTable; goals: Goal[] }> {
  const samples = envCount('BENCH_REVOKES', 200);
  const dataDir = mkdtempSync(join(tmpdir(), 'keyledger-bench-revoke-'));
  const a = await startServiceProcess(MAIN, { dataDir });
  const b = await startServiceProcess(MAIN, { dataDir });
  try {
    const token = await signUserToken('bench');
    const acceptedOnA: number[] = [];
    const followedByB: number[] = [];
    for (let i = 0; i < samples; i++) {
      const created = await fetch(`${a.baseUrl}/api/v1/keys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `revoke ${i}` }),
      });
      const key = (await created.json()) as { data: { id: string }; secret: string };
      await untilStatus(b, key.secret, 200);
      const revoked = await fetch(`${a.baseUrl}/api/v1/keys/${key.data.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}` },
      });
      if (revoked.status !== 200) throw new Error(`revoke answered ${revoked.status}`);
      const afterRevoke = performance.now();
      if ((await resolveStatus(a, key.secret)) !== 401) acceptedOnA.push(i);
      await untilStatus(b, key.secret, 401);
      followedByB.push(performance.now() - afterRevoke);
    }
    const sorted = [...followedByB].sort((x, y) => x - y);
    const ms = (value: number) => Number(value.toFixed(1));
    const p99 = percentile(sorted, 99);
    const goals: Goal[] = [
      {
        goal: 'revoke: 0 admissions on the revoking instance after its DELETE answered',
        measured: `${acceptedOnA.length} of ${samples}`,
        met: acceptedOnA.length === 0,
      },
      {
        goal: 'revoke: p99 < 100 ms until the other instance refuses',
        measured: `${ms(p99)} ms`,
        met: p99 < 100,
      },
    ];
    const table: BenchTable = {
      title: `Revoke to refusal, ${samples} keys, two instances on one embedded store (goal: 0 ms on the revoking instance, p99 < 100 ms on the other)`,
      rows: [
        {
          instance: 'A (handled the DELETE)',
          'accepted after DELETE answered': acceptedOnA.length,
          'p50 ms': 0,
          'p99 ms': 0,
          'max ms': 0,
        },
        {
          instance: 'B (follows the store)',
          'accepted after DELETE answered': '-',
          'p50 ms': ms(percentile(sorted, 50)),
          'p99 ms': ms(p99),
          'max ms': ms(sorted[sorted.length - 1]),
        },
      ],
    };
    return { table, goals };
  } finally {
    await Promise.all([a.stop(), b.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
