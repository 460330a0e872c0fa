import { Decider } from '../shared/decider';
import { DomainError, invalid } from '../shared/domain-error';
import { given } from './given-when-then';

type Command = { readonly type: 'Add'; readonly amount: number } | { readonly type: 'Mutate' };
type Event = { readonly type: 'Added'; readonly amount: number };
type State = { readonly total: number };

const counter: Decider<Command, Event, State> = {
  initialState: { total: 0 },
  evolve: (state, event) => ({ total: state.total + event.amount }),
  decide: (command, state) => {
    if (command.type === 'Mutate') {
      (state as { total: number }).total = -1;
      return [];
    }
    if (command.amount < 0) throw invalid([{ field: 'amount', message: 'must not be negative' }]);
    if (state.total + command.amount > 10) throw new DomainError('forbidden', 'too much');
    return command.amount === 0 ? [] : [{ type: 'Added', amount: command.amount }];
  },
};
const added = (amount: number): Event => ({ type: 'Added', amount });

describe('given / when / then', () => {
  it('folds the history into the state', () => {
    expect(given(counter, [added(2), added(3)]).state).toEqual({ total: 5 });
  });

  it('passes when the decided events are exactly the expected ones', () => {
    given(counter, [added(2)])
      .when({ type: 'Add', amount: 1 })
      .then([added(1)]);
    given(counter, []).when({ type: 'Add', amount: 0 }).then([]);
  });

  it('fails when the events differ', () => {
    expect(() =>
      given(counter, [])
        .when({ type: 'Add', amount: 1 })
        .then([added(2)]),
    ).toThrow();
    expect(() => given(counter, []).when({ type: 'Add', amount: 1 }).then([])).toThrow();
  });

  it('passes on the expected refusal code and field', () => {
    given(counter, []).when({ type: 'Add', amount: -1 }).thenFails('validation_failed', 'amount');
    given(counter, [added(10)])
      .when({ type: 'Add', amount: 1 })
      .thenFails('forbidden');
  });

  it('fails when nothing is refused, or the code or field is another', () => {
    expect(() =>
      given(counter, []).when({ type: 'Add', amount: 1 }).thenFails('forbidden'),
    ).toThrow();
    expect(() =>
      given(counter, [added(10)])
        .when({ type: 'Add', amount: 1 })
        .thenFails('not_found'),
    ).toThrow();
    expect(() =>
      given(counter, []).when({ type: 'Add', amount: -1 }).thenFails('validation_failed', 'name'),
    ).toThrow();
  });

  it('fails a decider that mutates its state', () => {
    expect(() =>
      given(counter, [added(1)])
        .when({ type: 'Mutate' })
        .then([]),
    ).toThrow(TypeError);
  });
});
