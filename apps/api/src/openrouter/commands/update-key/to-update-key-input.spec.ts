import { keyChanges } from '../../../keys/commands/update-key/key-changes';
import { toUpdateKeyInput } from './to-update-key-input';

const NOW = '2026-01-01T00:00:00.000Z';

describe('toUpdateKeyInput', () => {
  it('carries each field OpenRouter sends, null limits included', () => {
    const body = {
      name: 'renamed',
      disabled: true,
      limit: null,
      limit_reset: null,
      include_byok_in_limit: false,
    };
    expect(toUpdateKeyInput(body)).toEqual(body);
  });

  it('stands for exactly the canonical commands of the same PATCH', () => {
    const body = { name: 'renamed', disabled: false, limit: 5 };
    expect(keyChanges(toUpdateKeyInput(body), NOW)).toEqual(keyChanges(body, NOW));
  });

  it('changes nothing for an empty body', () => {
    expect(keyChanges(toUpdateKeyInput({}), NOW)).toEqual([]);
  });
});
