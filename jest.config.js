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
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'],
    },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
