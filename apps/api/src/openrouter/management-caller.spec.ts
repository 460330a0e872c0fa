import { ApiError } from '../shared/errors/api-error';
import { assertAdministersKeys } from './management-caller';
import { alice, aliceKey } from './testing/key-view';

describe('assertAdministersKeys', () => {
  it('lets management keys through, personal or org', () => {
    expect(() => assertAdministersKeys(aliceKey(['management']))).not.toThrow();
    expect(() => assertAdministersKeys(aliceKey(['management', 'billing'], 'org_a'))).not.toThrow();
  });

  it('lets session tokens through: the commands apply the ownership rules', () => {
    expect(() => assertAdministersKeys(alice)).not.toThrow();
  });

  it('refuses any other key with 403 management_key_required', () => {
    for (const scopes of [['completions'], ['billing', 'skills'], []]) {
      let refusal: unknown;
      try {
        assertAdministersKeys(aliceKey(scopes));
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(ApiError);
      expect(refusal).toMatchObject({ status: 403, code: 'management_key_required' });
    }
  });
});
