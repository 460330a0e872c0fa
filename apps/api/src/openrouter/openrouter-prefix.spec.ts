import { ConfigError, loadConfig } from '@keyledger/runtime';

/** OPENROUTER_PREFIX, the setting that mounts this surface, is validated at start-up. */
describe('OPENROUTER_PREFIX', () => {
  it('defaults to /openrouter/api/v1', () => {
    expect(loadConfig({}).openRouterPrefix).toBe('/openrouter/api/v1');
  });

  it('takes any absolute path', () => {
    for (const prefix of ['/or', '/compat/openrouter/api/v1', '/api/v2']) {
      expect(loadConfig({ OPENROUTER_PREFIX: prefix }).openRouterPrefix).toBe(prefix);
    }
  });

  it.each(['openrouter', '/openrouter/', '/with space', '/a//b', '/api/v1'])(
    'refuses %p',
    (prefix) => {
      expect(() => loadConfig({ OPENROUTER_PREFIX: prefix })).toThrow(ConfigError);
    },
  );
});
