/** Jest runs TypeScript through SWC (with decorator metadata, which Nest's DI needs). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const moduleNameMapper = {
  '^@keyledger/([a-z-]+)(/.*)?$': '<rootDir>/libs/$1/src$2',
};
// content-disposition (under @fastify/static), @openrouter/sdk (driven by test/openrouter) and
// canonicalize (the JCS oracle of the audit leaf specs) ship
// ESM only; Jest's CommonJS runtime needs them compiled.
const esmOnly = '(content-disposition|@openrouter/sdk|canonicalize)';
const common = {
  transform: { '^.+\\.ts$': swc, [`/node_modules/${esmOnly}/.+\\.js$`]: swc },
  transformIgnorePatterns: [`/node_modules/(?!${esmOnly}/)`],
  moduleNameMapper,
  testEnvironment: 'node',
};

module.exports = {
  // A finished run must end CI even if a suite left a handle open (a clean-clone run on main once
  // reported one after every test had passed); the suites still close what they open.
  forceExit: true,
  // E2e suites start the real service (read store, audit tree, resolution snapshot) in their
  // hooks: on a loaded 2-core machine that alone can pass Jest's 5 s default. (Jest reads this
  // from the top level only.)
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
    },
  ],
};
