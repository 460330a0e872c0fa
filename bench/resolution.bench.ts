import { createHash, createHmac, hash } from 'node:crypto';
import { generateSecret, KeyCreated, KeyImported } from '@keyledger/domain';
import { RecordedEvent } from '@keyledger/event-store';
// The fixtures module, not the testing index: that one pulls in the Jest contract suite.
import { testMetadata } from '@keyledger/event-store/testing/fixtures';
import { PendingUsage } from '../libs/resolution/src/pending-usage';
import { ResolutionModel } from '../libs/resolution/src/resolution-model';
import { resolutionSettings, ResolutionSettings } from '../libs/resolution/src/resolution-settings';
import { Resolver } from '../libs/resolution/src/resolver';
import { Goal, goalsTable, percent, RESTRICTED_SHARE_OF_PLAIN, shareGoal } from './goals';
import { BenchRow, BenchTable, printTables } from './table';
import { envCount } from '../test/support/scale';

const PEPPER = 'bench-pepper-0123456789abcdef';
const PREFIX = 'rk_';
const RESOLVE_KEYS = 10_000;
const DEFAULT_MEMORY_KEYS = 1_000_000;
const WARM_UP_OPS = 50_000;
const ROUNDS = 7;
const OPS_PER_ROUND = 50_000;
const START = Date.parse('2026-03-10T12:00:00.000Z');

/** A key's worst honest case: 10 CIDRs with the caller in the last one, and 2 rate limits. */
export const BENCH_ALLOWED_IPS: readonly string[] = [
  ...Array.from({ length: 8 }, (_, i) => `10.${i}.0.0/16`),
  '2001:db8::/32',
  '203.0.113.0/24',
];
export const BENCH_CLIENT_IP = '203.0.113.9';
/** Limits no bench run reaches, so every request is admitted and spends on both. */
export const BENCH_RATE_LIMITS = [
  { name: 'per_minute', limit: 1e9, duration_ms: 60_000 },
  { name: 'per_hour', limit: 1e9, duration_ms: 3_600_000 },
];

/** The secret of synthetic key `n`: the prefix and 64 hex characters. */
const secretOf = (n: number): string =>
  `${PREFIX}${createHash('sha256').update(`secret-${n}`).digest('hex')}`;

/** A UUID-shaped id for synthetic key `n`, without keeping a list of them. */
const idOf = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * KeyCreated for synthetic key `n` as read back from a store: parsed from JSON, so every string
 * is a fresh copy (what interning has to undo). Owners, orgs, tiers and limits vary like a real
 * tenant base: 10 keys per user, half of the keys in one of 1% as many orgs, a third limited.
 */
function storedKeyCreated(n: number, hash: string, restricted = false): RecordedEvent {
  const created: KeyCreated = {
    type: 'KeyCreated',
    data: {
      key_id: idOf(n),
      hash,
      label: `${PREFIX}${hash.slice(0, 4)}…${hash.slice(-4)}`,
      name: `key ${n}`,
      scope: n % 2 === 0 ? 'org' : 'personal',
      owner_user_id: `user_${Math.floor(n / 10)}`,
      org_id: n % 2 === 0 ? `org_${n % Math.max(1, Math.floor(n / 100) + 1)}` : null,
      org_permissions: n % 2 === 0 ? ['manageApiKeys'] : [],
      scopes: ['completions', 'skills'],
      plan_tier: ['free', 'lite', 'premium', 'max'][n % 4],
      expires_at: null,
      limit: n % 3 === 0 ? 100 : null,
      limit_reset: n % 3 === 0 ? 'monthly' : null,
      include_byok_in_limit: false,
      created_at: '2026-01-01T00:00:00.000Z',
      ...(restricted && { allowed_ips: BENCH_ALLOWED_IPS, rate_limits: BENCH_RATE_LIMITS }),
    },
  };
  return JSON.parse(
    JSON.stringify({
      id: `event-${n}`,
      stream: `key-${idOf(n)}`,
      revision: 0,
      position: n + 1,
      type: created.type,
      data: created.data,
      metadata: testMetadata(),
      recorded_at: '2026-01-01T00:00:00.000Z',
    }),
  ) as RecordedEvent;
}

const settingsFor = (pepper: string | null): ResolutionSettings =>
  resolutionSettings({
    secretPrefix: PREFIX,
    pepper,
    reservationCredits: 0,
    plans: {
      default_tier: 'free',
      tiers: {
        free: { models: ['*-free', 'openai/gpt-4o-mini'], requests_per_minute: 1e9 },
        lite: { models: ['openai/*', 'anthropic/*'], requests_per_day: 1e9 },
        premium: { models: ['*'], requests_per_hour: 1e9 },
        max: { models: ['*'] },
      },
    },
  });

/** An operation to time on each of the secrets in turn. */
interface Contender {
  readonly name: string;
  readonly run: (secret: string, i: number) => unknown;
  /** Untimed work between rounds. */
  readonly afterRound?: () => void;
}

/** Ops/s (median over rounds) and per-call latency percentiles of one contender. */
interface Measured {
  readonly name: string;
  readonly opsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
}

/**
 * Times the contenders in interleaved rounds, so that a noisy neighbour slows each of them
 * alike instead of whichever happened to run then; ops/s is the median round.
 */
function measureInterleaved(
  secrets: readonly string[],
  contenders: readonly Contender[],
): Measured[] {
  const latencies = contenders.map(() => new Float64Array(ROUNDS * OPS_PER_ROUND));
  const rates = contenders.map((): number[] => []);
  contenders.forEach(({ run }) => {
    for (let i = 0; i < WARM_UP_OPS; i++) run(secrets[i % secrets.length], i);
  });
  for (let round = 0; round < ROUNDS; round++) {
    contenders.forEach(({ run, afterRound }, c) => {
      const started = process.hrtime.bigint();
      for (let n = 0; n < OPS_PER_ROUND; n++) {
        const i = round * OPS_PER_ROUND + n;
        const before = process.hrtime.bigint();
        run(secrets[i % secrets.length], i);
        latencies[c][i] = Number(process.hrtime.bigint() - before);
      }
      rates[c].push(OPS_PER_ROUND / (Number(process.hrtime.bigint() - started) / 1e9));
      afterRound?.();
    });
  }
  return contenders.map(({ name }, c) => {
    const sorted = latencies[c].sort();
    const micros = (quantile: number): number =>
      Number((sorted[Math.floor(quantile * (sorted.length - 1))] / 1000).toFixed(2));
    const median = [...rates[c]].sort((a, b) => a - b)[Math.floor(ROUNDS / 2)];
    return { name, opsPerSecond: Math.round(median), p50: micros(0.5), p99: micros(0.99) };
  });
}

/** A resolver over synthetic keys hashed with `pepper`, and the usage it leaves to flush. */
function resolverOver(
  secrets: readonly string[],
  pepper: string | null,
  restricted = false,
  pending = new PendingUsage('bench'),
): { readonly resolver: Resolver; readonly pending: PendingUsage } {
  const model = new ResolutionModel('bench');
  const hash = (secret: string): string =>
    pepper === null
      ? createHash('sha256').update(secret).digest('hex')
      : createHmac('sha256', pepper).update(secret).digest('hex');
  secrets.forEach((secret, n) => model.apply(storedKeyCreated(n, hash(secret), restricted)));
  return { resolver: new Resolver(model, pending, settingsFor(pepper)), pending };
}

/** The floors of one hashing mode: the streaming call the issue measured against, and for plain SHA-256 the faster one-shot call. */
function hashFloors(pepper: string | null): Contender[] {
  if (pepper !== null) {
    return [
      {
        name: 'crypto HMAC-SHA-256 (hex)',
        run: (secret) => createHmac('sha256', pepper).update(secret).digest('hex'),
      },
    ];
  }
  return [
    {
      name: 'crypto createHash SHA-256 (hex)',
      run: (secret) => createHash('sha256').update(secret).digest('hex'),
    },
    { name: 'crypto.hash SHA-256 (hex, one-shot)', run: (secret) => hash('sha256', secret, 'hex') },
  ];
}

/**
 * In-process resolve against the physical floor: hashing the same secrets with `crypto`, in
 * the same run. Each resolve is admitted and counted (usage counters, request caps, batching).
 * Plain SHA-256 has two floors: `createHash`, which the issue's 35% was measured against, and
 * the one-shot `crypto.hash` that resolve itself now uses, twice as fast.
 */
function resolveTable(): { table: BenchTable; goals: Goal[] } {
  const secrets = Array.from({ length: RESOLVE_KEYS }, (_, n) => secretOf(n));
  const rows: BenchRow[] = [];
  const goals: Goal[] = [];
  for (const pepper of [PEPPER, null]) {
    const { resolver, pending } = resolverOver(secrets, pepper);
    const floors = hashFloors(pepper);
    const measured = measureInterleaved(secrets, [
      ...floors,
      {
        name: `resolve (${pepper === null ? 'SHA-256' : 'HMAC pepper'})`,
        run: (secret, i) => {
          const outcome = resolver.resolve(
            { secret, model: 'openai/gpt-4o-mini' },
            new Date(START + i),
          );
          if (outcome instanceof Promise || !outcome.ok) throw new Error('bench key refused');
        },
        // The flusher's work (events, appends) runs on its own timer, not on the request path.
        afterRound: () => pending.drain(),
      },
    ]);
    const resolve = measured[measured.length - 1];
    const [streaming, oneShot] = measured;
    for (const result of measured) {
      rows.push({
        bench: result.name,
        ops_per_s: result.opsPerSecond,
        p50_us: result.p50,
        p99_us: result.p99,
        vs_bare_hash: percent(result.opsPerSecond, streaming.opsPerSecond),
        vs_one_shot_hash:
          pepper === null ? percent(result.opsPerSecond, oneShot.opsPerSecond) : '-',
      });
    }
    for (const floor of measured.slice(0, floors.length)) {
      goals.push(
        shareGoal(
          `in-process ${resolve.name} ≥ 50% of ${floor.name}`,
          resolve.opsPerSecond,
          floor.opsPerSecond,
          0.5,
        ),
      );
    }
  }
  return {
    table: {
      title: `In-process resolve, ${RESOLVE_KEYS} keys, ${ROUNDS} interleaved rounds of ${OPS_PER_ROUND} calls`,
      rows,
    },
    goals,
  };
}

/**
 * The cost of restrictions on the hot path: plain keys against keys with 10 CIDRs (the caller in
 * the last) and 2 rate limits, interleaved in the same run, each admitted and counted.
 */
function restrictionsTable(): { table: BenchTable; goal: Goal } {
  const secrets = Array.from({ length: RESOLVE_KEYS }, (_, n) => secretOf(n));
  const plain = resolverOver(secrets, PEPPER);
  const restricted = resolverOver(secrets, PEPPER, true);
  const contender = (name: string, over: typeof plain, client_ip?: string): Contender => ({
    name,
    run: (secret, i) => {
      const outcome = over.resolver.resolve(
        { secret, model: 'openai/gpt-4o-mini', client_ip },
        new Date(START + i),
      );
      if (outcome instanceof Promise || !outcome.ok) throw new Error('bench key refused');
    },
    afterRound: () => over.pending.drain(),
  });
  const [bare, restrictedRun] = measureInterleaved(secrets, [
    contender('resolve, plain key', plain),
    contender('resolve, 10 CIDRs + 2 rate limits', restricted, BENCH_CLIENT_IP),
  ]);
  const table = {
    title: `Restrictions on the hot path (HMAC pepper), ${RESOLVE_KEYS} keys, ${ROUNDS} interleaved rounds`,
    rows: [bare, restrictedRun].map((result) => ({
      bench: result.name,
      ops_per_s: result.opsPerSecond,
      p50_us: result.p50,
      p99_us: result.p99,
      vs_plain_key: percent(result.opsPerSecond, bare.opsPerSecond),
    })),
  };
  const goal = shareGoal(
    `in-process ${restrictedRun.name} ≥ ${RESTRICTED_SHARE_OF_PLAIN * 100}% of a plain key's rate`,
    restrictedRun.opsPerSecond,
    bare.opsPerSecond,
    RESTRICTED_SHARE_OF_PLAIN,
  );
  return { table, goal };
}

/** KeyImported for synthetic key `n` (the revision after its KeyCreated), as read back from a store. */
function storedKeyImported(n: number, prefix: string): RecordedEvent {
  const imported: KeyImported = {
    type: 'KeyImported',
    data: {
      key_id: idOf(n),
      hash_algorithm: 'sha256',
      prefix,
      origin: 'bench',
      imported_at: '2026-01-01T00:00:00.000Z',
    },
  };
  return {
    id: `imported-${n}`,
    stream: `key-${idOf(n)}`,
    revision: 1,
    position: 2_000_000 + n,
    type: imported.type,
    data: { ...imported.data },
    metadata: testMetadata(),
    recorded_at: '2026-01-01T00:00:00.000Z',
  };
}

/**
 * What imported keys and the checksummed format cost resolve (HMAC pepper), interleaved in one
 * run against a model without imports: native keys once imports exist (one prefix check), an
 * imported `sk-or-v1-` key (one plain SHA-256 instead of the HMAC), an imported key shaped like
 * ours (the HMAC misses first: two hashes), refusals, and a checksummed secret (a CRC-32 first).
 */
function importsTable(): BenchTable {
  const native = Array.from({ length: RESOLVE_KEYS }, (_, n) => secretOf(n));
  const foreign = native.map((secret) => `sk-or-v1-${secret.slice(PREFIX.length)}`);
  const lookalike = native.map(
    (secret) => `${PREFIX}${secret.slice(PREFIX.length).split('').reverse().join('')}`,
  );
  const checksummed = native.map((secret) =>
    generateSecret(PREFIX, { randomHex: () => secret.slice(PREFIX.length) }, 'checksummed'),
  );
  const hmac = (secret: string) => createHmac('sha256', PEPPER).update(secret).digest('hex');
  const sha256 = (secret: string) => hash('sha256', secret, 'hex');
  const withoutImports = resolverOver(native, PEPPER);
  // Keys 0…n-1 native, n…2n-1 imported `sk-or-v1-`, 2n…3n-1 imported look-alikes, 3n… checksummed.
  const model = new ResolutionModel('bench');
  const groups = [
    { secrets: native, hash: hmac, prefix: null },
    { secrets: foreign, hash: sha256, prefix: 'sk-or-v1-' },
    { secrets: lookalike, hash: sha256, prefix: PREFIX },
    { secrets: checksummed, hash: hmac, prefix: null },
  ];
  groups.forEach(({ secrets, hash: hashOf, prefix }, g) =>
    secrets.forEach((secret, i) => {
      const n = g * RESOLVE_KEYS + i;
      model.apply(storedKeyCreated(n, hashOf(secret)));
      if (prefix !== null) model.apply(storedKeyImported(n, prefix));
    }),
  );
  const pending = new PendingUsage('bench');
  const withImports = { resolver: new Resolver(model, pending, settingsFor(PEPPER)), pending };
  const unknownOurs = native.map(
    (secret) => `${PREFIX}${'f'.repeat(8)}${secret.slice(PREFIX.length + 8)}`,
  );
  const unknownForeign = foreign.map((secret) => `${secret.slice(0, -8)}${'f'.repeat(8)}`);
  const contender = (
    name: string,
    over: typeof withImports,
    secrets: readonly string[],
    admitted = true,
  ): Contender => ({
    name,
    run: (_, i) => {
      const outcome = over.resolver.resolve(
        { secret: secrets[i % secrets.length], model: 'openai/gpt-4o-mini' },
        new Date(START + i),
      );
      if (outcome instanceof Promise || outcome.ok !== admitted) throw new Error(`bench: ${name}`);
    },
    afterRound: () => over.pending.drain(),
  });
  const measured = measureInterleaved(native, [
    contender('native key, no imports in the model', withoutImports, native),
    contender('native key, imports in the model', withImports, native),
    contender('imported sk-or-v1- key (plain SHA-256 only)', withImports, foreign),
    contender('imported key shaped like ours (HMAC miss, then SHA-256)', withImports, lookalike),
    contender('checksummed native key (CRC-32, then HMAC)', withImports, checksummed),
    contender(
      'refused: unknown rk_ secret, rk_ keys imported (both hashes)',
      withImports,
      unknownOurs,
      false,
    ),
    contender(
      'refused: unknown sk-or-v1- secret (plain SHA-256 only)',
      withImports,
      unknownForeign,
      false,
    ),
  ]);
  const baseline = measured[0];
  return {
    title: `Imported keys and checksummed secrets (HMAC pepper), ${RESOLVE_KEYS} keys per kind, ${ROUNDS} interleaved rounds`,
    rows: measured.map((result) => ({
      bench: result.name,
      ops_per_s: result.opsPerSecond,
      p50_us: result.p50,
      p99_us: result.p99,
      vs_native_without_imports: `${Math.round((100 * result.opsPerSecond) / baseline.opsPerSecond)}%`,
    })),
  };
}

/** Pending usage that counts admitted and refused resolutions as nothing: the floor analytics counting is measured against. */
class UncountedUsage extends PendingUsage {
  override admitted(): void {}
  override refused(): void {}
}

/**
 * What analytics counting costs resolve: the same resolver with and without counting each
 * outcome per key, model and refusal code, admitted and refused requests, interleaved in one run.
 */
function analyticsTable(): BenchTable {
  const secrets = Array.from({ length: RESOLVE_KEYS }, (_, n) => secretOf(n));
  const contender = (name: string, counted: boolean, scope: string, ok: boolean): Contender => {
    const usage = counted ? new PendingUsage('bench') : new UncountedUsage('bench');
    const { resolver, pending } = resolverOver(secrets, PEPPER, false, usage);
    return {
      name,
      run: (secret, i) => {
        const outcome = resolver.resolve(
          { secret, model: 'openai/gpt-4o-mini', scope },
          new Date(START + i),
        );
        if (outcome instanceof Promise || outcome.ok !== ok) throw new Error('unexpected outcome');
      },
      afterRound: () => pending.drain(),
    };
  };
  const results = measureInterleaved(secrets, [
    contender('admitted, counting off', false, 'completions', true),
    contender('admitted, counted per key and model', true, 'completions', true),
    contender('refused (insufficient_scope), counting off', false, 'billing', false),
    contender('refused (insufficient_scope), counted by code', true, 'billing', false),
  ]);
  return {
    title: `Analytics counting on the hot path (HMAC pepper), ${RESOLVE_KEYS} keys, ${ROUNDS} interleaved rounds`,
    rows: results.map((result, i) => ({
      bench: result.name,
      ops_per_s: result.opsPerSecond,
      p50_us: result.p50,
      p99_us: result.p99,
      vs_counting_off: percent(result.opsPerSecond, results[i - (i % 2)].opsPerSecond),
    })),
  };
}

/** Heap and array buffers in use, after a full collection when `--expose-gc` allows one. */
function memoryInUse(): number {
  globalThis.gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/**
 * Memory per key of the resolution model: `BENCH_KEYS` (1M) KeyCreated events folded in, then
 * every key used once (which allocates its usage counters).
 */
function memoryTable(): BenchTable {
  const keys = envCount('BENCH_KEYS', DEFAULT_MEMORY_KEYS);
  const gcNote = globalThis.gc !== undefined ? 'yes' : 'no: run node with --expose-gc';
  const before = memoryInUse();
  const model = new ResolutionModel('bench');
  for (let n = 0; n < keys; n++) {
    model.apply(storedKeyCreated(n, createHash('sha256').update(`secret-${n}`).digest('hex')));
  }
  const loaded = memoryInUse();
  const request = { requests: 1, cost: 0, byok_cost: 0 };
  for (let n = 0; n < keys; n++) {
    const key = model.keyById(idOf(n));
    if (key !== undefined) model.count(key, START, START, request, key.limit_reset_position);
  }
  const used = memoryInUse();
  const row = (bench: string, bytes: number): BenchRow => ({
    bench,
    keys: model.size,
    total_mb: Number((bytes / 2 ** 20).toFixed(1)),
    bytes_per_key: Math.round(bytes / keys),
    gc_before_measuring: gcNote,
  });
  return {
    title: 'Resolution model memory (heap + array buffers)',
    rows: [
      row('keys loaded', loaded - before),
      row('keys loaded and each used once', used - before),
    ],
  };
}

/** Every resolution benchmark, as tables, and the goals they measure. */
export async function resolutionBench(): Promise<{ tables: BenchTable[]; goals: Goal[] }> {
  const { table, goals } = resolveTable();
  const restrictions = restrictionsTable();
  return {
    tables: [table, restrictions.table, importsTable(), analyticsTable(), memoryTable()],
    goals: [...goals, restrictions.goal],
  };
}

if (require.main === module) {
  resolutionBench().then(
    ({ tables, goals }) => printTables([...tables, goalsTable(goals)]),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
