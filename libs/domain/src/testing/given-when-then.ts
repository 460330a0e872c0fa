import { Decider } from '../shared/decider';
import { DomainError, DomainErrorCode } from '../shared/domain-error';

/** Given these past events, when this command is decided, then expect events or a refusal. */
export function given<C, E, S>(decider: Decider<C, E, S>, history: readonly E[]) {
  const state = history.reduce(decider.evolve, decider.initialState);
  return {
    when: (command: C) => ({
      then: (expected: readonly E[]): void => {
        expect(decider.decide(command, state)).toEqual(expected);
      },
      thenFails: (code: DomainErrorCode, field?: string): void => {
        let refusal: unknown;
        try {
          decider.decide(command, state);
        } catch (error) {
          refusal = error;
        }
        expect(refusal).toBeInstanceOf(DomainError);
        const error = refusal as DomainError;
        expect(error.code).toBe(code);
        if (field !== undefined) expect(error.fields.map((f) => f.field)).toContain(field);
      },
    }),
  };
}
