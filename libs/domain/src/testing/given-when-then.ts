import { Decider } from '../shared/decider';
import { DomainError, DomainErrorCode } from '../shared/domain-error';

/** What a decider spec asserts once the command is known. */
export interface Then<Event> {
  /** Expects exactly these events (`[]` for a no-op). */
  then(expected: readonly Event[]): void;
  /** Expects a DomainError with this code, naming `field` among its invalid fields when given. */
  thenFails(code: DomainErrorCode, field?: string): void;
}

/** The folded history, ready for a command. */
export interface Given<Command, Event, State> {
  /** The state the history folds to, for assertions on `evolve`. */
  readonly state: State;
  /** Decides `command` against the folded state. */
  when(command: Command): Then<Event>;
}

/**
 * Given these past events, when this command is decided, then expect events or a refusal.
 * History, state and command are deep-frozen, so a decider that mutates its inputs fails loudly.
 */
export function given<Command, Event, State>(
  decider: Decider<Command, Event, State>,
  history: readonly Event[],
): Given<Command, Event, State> {
  const state = deepFreeze(history.map(deepFreeze).reduce(decider.evolve, decider.initialState));
  return {
    state,
    when: (command) => {
      const decide = () => decider.decide(deepFreeze(command), state);
      return {
        then: (expected) => expect(decide()).toStrictEqual(expected),
        thenFails: (code, field) => {
          const refusal = refusalOf(decide);
          expect(refusal).toBeInstanceOf(DomainError);
          expect(refusal).toMatchObject({ code });
          if (field !== undefined) {
            expect((refusal as DomainError).fields.map((f) => f.field)).toContain(field);
          }
        },
      };
    },
  };
}

function refusalOf(decide: () => unknown): unknown {
  try {
    return { decided: decide() };
  } catch (error) {
    return error;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
