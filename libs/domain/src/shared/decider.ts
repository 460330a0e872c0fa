/**
 * An aggregate as three pure things: where it starts, how an event changes it, and which
 * events a command causes (or a thrown DomainError). `decide` returns [] for a no-op.
 */
export interface Decider<Command, Event, State> {
  readonly initialState: State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
}
