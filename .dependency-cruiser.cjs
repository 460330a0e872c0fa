/** Layer rules of ARCHITECTURE.md, checked by `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-framework-free',
      comment: 'libs/domain imports no framework, storage or other lib of ours',
      severity: 'error',
      from: { path: '^libs/domain' },
      to: {
        path: '^(libs/(event-store|read-models|client)|apps)|node_modules/(@nestjs|mongodb|better-sqlite3|@eventstore|fastify)',
      },
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
    exclude: { path: '(^dist|node_modules)' },
  },
};
