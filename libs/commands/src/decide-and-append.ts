import { Decider } from '@keyledger/domain';
import {
  EventMetadata,
  EventStore,
  NewEvent,
  RecordedEvent,
  WrongExpectedRevisionError,
} from '@keyledger/event-store';
import { PreconditionFailedError } from './precondition-failed';

/** A domain event as the store sees it: a type and a JSON payload. */
export interface DomainEvent {
  readonly type: string;
  readonly data: object;
}

/** What a command did to its stream: the state and events decided, and where they were written. */
export interface CommandOutcome<State, Event> {
  readonly state: State;
  readonly events: readonly Event[];
  /** The stream's revision after the command (its ETag); null while the stream is empty. */
  readonly revision: number | null;
  /** Global position of the last event written; null when the command was a no-op. */
  readonly position: number | null;
}

export interface DecideOptions {
  /** The revision the client last saw (If-Match): a mismatch is PreconditionFailedError, never retried. */
  readonly ifMatch?: number | null;
  /** How often to re-decide after losing a race with a concurrent writer. */
  readonly retries?: number;
}

/** Runs on the decided events before they are written: throw to refuse (e.g. a permission). */
export type BeforeAppend<Event, State> = (events: readonly Event[], state: State) => void;

const DEFAULT_RETRIES = 3;

/** Reads a stream, folds it, decides, and appends with the revision it decided on. */
export function decideAndAppend<Command, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  stream: string,
  command: Command,
  metadata: EventMetadata,
  options: DecideOptions & { readonly beforeAppend?: BeforeAppend<Event, State> } = {},
): Promise<CommandOutcome<State, Event>> {
  return decideAllAndAppend(store, decider, stream, [command], metadata, options);
}

/**
 * As decideAndAppend for several commands: each is decided against the state the previous ones
 * leave, and all their events go in one append at one expected revision, so a request that
 * changes several things is all or nothing. `beforeAppend` sees every event and the state the
 * stream was in before them.
 */
export async function decideAllAndAppend<Command, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  stream: string,
  commands: readonly Command[],
  metadata: EventMetadata,
  options: DecideOptions & { readonly beforeAppend?: BeforeAppend<Event, State> } = {},
): Promise<CommandOutcome<State, Event>> {
  const attempts = (options.retries ?? DEFAULT_RETRIES) + 1;
  for (let attempt = 1; ; attempt++) {
    const history = await store.readStream(stream);
    const revision = history.length > 0 ? history[history.length - 1].revision : null;
    if (options.ifMatch != null && options.ifMatch !== revision) {
      throw new PreconditionFailedError(stream, options.ifMatch, revision);
    }
    const state = foldStream(decider, history);
    const decided = decideInOrder(decider, commands, state);
    options.beforeAppend?.(decided.events, state);
    if (decided.events.length === 0) return { state, events: [], revision, position: null };
    try {
      const result = await store.append(stream, decided.events.map(toNewEvent), {
        expectedRevision: revision ?? 'no_stream',
        metadata,
      });
      return { ...decided, revision: result.nextRevision, position: result.position };
    } catch (error) {
      const lostRace = error instanceof WrongExpectedRevisionError;
      if (lostRace && options.ifMatch != null) {
        throw new PreconditionFailedError(stream, options.ifMatch, error.actual);
      }
      // Re-deciding against the newer state is safe: the decider re-checks every rule.
      if (!lostRace || attempt >= attempts) throw error;
    }
  }
}

/** The events of each command in turn, each decided on the state the earlier ones lead to. */
function decideInOrder<Command, Event, State>(
  decider: Decider<Command, Event, State>,
  commands: readonly Command[],
  initial: State,
): { readonly state: State; readonly events: readonly Event[] } {
  return commands.reduce<{ state: State; events: readonly Event[] }>(
    ({ state, events }, command) => {
      const decided = decider.decide(command, state);
      return { state: decided.reduce(decider.evolve, state), events: [...events, ...decided] };
    },
    { state: initial, events: [] },
  );
}

/** The state a stream's history folds to. */
export function foldStream<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  history: readonly RecordedEvent[],
): State {
  return history.reduce(
    (state, recorded) => decider.evolve(state, recorded as unknown as Event),
    decider.initialState,
  );
}

/** Domain payloads are typed interfaces; the store takes them as plain JSON objects. */
function toNewEvent(event: DomainEvent): NewEvent {
  return { type: event.type, data: event.data as Readonly<Record<string, unknown>> };
}
