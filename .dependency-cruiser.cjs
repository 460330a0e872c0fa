/** Layer rules of ARCHITECTURE.md, checked by `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-only-itself',
      comment:
        'libs/domain is the pure core, checked by an allowlist: itself, node: built-ins, and safe-regex2 (a pure function, no I/O, no dependency of its own; the ReDoS check every routing rule must pass, shared with the console). Nothing else: no framework, no storage, no other lib of ours.',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: {
        pathNot: '^(libs/domain/|node_modules/safe-regex2/)',
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'apps-never-import-other-apps',
      comment:
        'apps share code through libraries (libs/runtime is the composition root), never through each other',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'esdb-client-only-in-its-adapter',
      comment:
        'keep every @eventstore/db-client call inside the one adapter (its successor renames the API)',
      severity: 'error',
      from: { pathNot: '^libs/event-store/src/(esdb/|testing/esdb-)' },
      to: { path: 'node_modules/@eventstore/' },
    },
    {
      name: 'mongodb-only-in-the-mongo-store',
      severity: 'error',
      from: { pathNot: '^libs/read-models/src/store/(mongo/|testing/mongo-)' },
      to: { path: 'node_modules/mongodb/' },
    },
    {
      name: 'better-sqlite3-only-behind-a-port',
      comment:
        "SQLite adapters of the event store, read store and audit tree, and the webhook worker's own ledger; tests may open files directly",
      severity: 'error',
      from: {
        pathNot:
          '(/sqlite/|/sqlite-[^/]+\\.ts$|^libs/webhooks/src/webhook-(database|ledger)\\.ts$|\\.(spec|int-spec)\\.ts$)',
      },
      to: { path: 'node_modules/better-sqlite3/' },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs' },
      to: { path: '^apps' },
    },
    {
      name: 'event-store-knows-no-read-side',
      severity: 'error',
      from: { path: '^libs/event-store' },
      to: { path: '^libs/(read-models|client|domain)' },
    },
    {
      name: 'client-is-standalone',
      comment:
        'libs/client ships to API consumers: nothing of ours, no package, only the global fetch',
      severity: 'error',
      from: { path: '^libs/client' },
      to: { path: '^(apps|libs/(?!client/))|node_modules' },
    },
    {
      name: 'client-runs-anywhere',
      comment: 'no Node built-ins in the client itself (its specs and testing/ may use node:http)',
      severity: 'error',
      from: { path: '^libs/client', pathNot: '(\\.spec\\.ts$|/testing/)' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'console-talks-through-the-client',
      comment:
        'apps/console reaches the API only through libs/client; from libs/domain it takes pure rules (routing patterns) it shares with the service',
      severity: 'error',
      from: { path: '^apps/console' },
      to: { path: '^(apps/(?!console/)|libs/(?!(client|domain)/))' },
    },
    {
      name: 'console-is-browser-code',
      comment: 'no Node built-ins in the console (its vite.config.mjs runs in Node, at build time)',
      severity: 'error',
      from: { path: '^apps/console/src' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'libs-are-framework-free',
      comment: 'Nest belongs to apps/; libraries can be embedded in a gateway without it',
      severity: 'error',
      from: { path: '^libs' },
      to: { path: 'node_modules/@nestjs' },
    },
    {
      name: 'production-code-does-not-import-tests',
      severity: 'error',
      from: { path: '^(apps|libs)', pathNot: '(\\.(spec|int-spec|e2e-spec)\\.ts$|/testing/)' },
      to: { path: '(\\.(spec|int-spec|e2e-spec)\\.ts$|/testing/)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    // node_modules stay in the graph (not followed), so the package rules above can see them.
    exclude: { path: '^dist' },
  },
};
