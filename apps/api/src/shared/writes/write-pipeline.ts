import { Inject, Injectable } from '@nestjs/common';
import { Clock, Decider, Principal } from '@keyledger/domain';
import { EventMetadata, EventStore } from '@keyledger/event-store';
import { BeforeAppend, CommandOutcome, decideAllAndAppend, DomainEvent } from '@keyledger/commands';
import { CLOCK, EVENT_STORE } from '../../infrastructure/tokens';
import {
  eventMetadata,
  RequestContext,
  systemEventMetadata,
} from '../request-context/request-context';

/** Who sends a command, from which request, and the revision they last saw (`If-Match`). */
export interface Caller {
  readonly principal: Principal;
  readonly context: RequestContext;
  /** null when the caller sent no `If-Match`. */
  readonly ifMatch: number | null;
}

/** Where a subject's events go, and the org its events are filed under (audit, webhooks). */
export interface StreamOf<Command, Event, State> {
  readonly decider: Decider<Command, Event, State>;
  readonly stream: string;
  readonly orgId: string | null;
}

/** The StreamOf of a kind of subject: the stream `stream(id)`, its events filed under `org_id`. */
export function streamsOf<Command, Event, State>(
  decider: Decider<Command, Event, State>,
  stream: (id: string) => string,
): (subject: {
  readonly id: string;
  readonly org_id: string | null;
}) => StreamOf<Command, Event, State> {
  return (subject) => ({ decider, stream: stream(subject.id), orgId: subject.org_id });
}

/** The instant a request's writes are decided at, and the metadata of the events they record. */
export interface WriteMoment {
  readonly now: Date;
  readonly metadataFor: (orgId: string | null) => EventMetadata;
}

/** One write, as a use case describes it to the pipeline. */
export interface WritePlan<Subject, Command, Event, State> {
  /**
   * What the command changes, found as the caller may change it: the 404 and 403 are thrown
   * here, before anything else, so a stale If-Match or a bad field tells a stranger nothing.
   */
  readonly find: () => Subject | Promise<Subject>;
  readonly streamOf: (subject: Subject) => StreamOf<Command, Event, State>;
  /** The commands, decided in order and written as one append (all or nothing). */
  readonly commands: (
    subject: Subject,
    now: string,
  ) => readonly Command[] | Promise<readonly Command[]>;
  /** Sees the decided events before they are written: throw to refuse (a permission). */
  readonly beforeAppend?: BeforeAppend<Event, State>;
}

/** What a write did, with its subject and the moment, for the request's follow-up writes. */
export interface Written<Subject, State, Event> extends CommandOutcome<State, Event> {
  readonly subject: Subject;
  readonly moment: WriteMoment;
  /** The metadata the events were recorded with. */
  readonly metadata: EventMetadata;
}

/**
 * The one write path of every management command: find the authorised subject, take the
 * clock, decide, and append at the revision decided on (If-Match → 412) with the request's
 * metadata. Read-your-writes and the answer are the caller's next steps (ReadYourWrites,
 * `answerWrite`).
 */
@Injectable()
export class WritePipeline {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Runs `plan` for `caller`. A request that writes several streams passes the moment of its
   * first write (or the one it took with `moment`), so all its events carry one instant.
   */
  async write<Subject, Command, Event extends DomainEvent, State>(
    caller: Caller,
    plan: WritePlan<Subject, Command, Event, State>,
    given?: WriteMoment,
  ): Promise<Written<Subject, State, Event>> {
    return this.run(caller.ifMatch, plan, () => given ?? this.moment(caller));
  }

  /**
   * As write, for a write no `If-Match` speaks of: a request's follow-up on another stream, or
   * one the service makes on a verified system's behalf (`systemMoment`).
   */
  async writeAt<Subject, Command, Event extends DomainEvent, State>(
    moment: WriteMoment,
    plan: WritePlan<Subject, Command, Event, State>,
  ): Promise<Written<Subject, State, Event>> {
    return this.run(null, plan, () => moment);
  }

  /** The clock's reading for a request that records events, and the metadata they carry. */
  moment({ principal, context }: Pick<Caller, 'principal' | 'context'>): WriteMoment {
    const now = this.clock.now();
    return { now, metadataFor: (orgId) => eventMetadata(principal, context, orgId, now) };
  }

  /** As moment, for events the service records as `systemId` (a GitHub secret-scanning report). */
  systemMoment(systemId: string, context: RequestContext): WriteMoment {
    const now = this.clock.now();
    return { now, metadataFor: (orgId) => systemEventMetadata(systemId, context, orgId, now) };
  }

  private async run<Subject, Command, Event extends DomainEvent, State>(
    ifMatch: number | null,
    plan: WritePlan<Subject, Command, Event, State>,
    momentOf: () => WriteMoment,
  ): Promise<Written<Subject, State, Event>> {
    // Found first, the clock read after: a 404 or 403 takes no instant.
    const subject = await plan.find();
    const moment = momentOf();
    const { decider, stream, orgId } = plan.streamOf(subject);
    const metadata = moment.metadataFor(orgId);
    const commands = await plan.commands(subject, moment.now.toISOString());
    const outcome = await decideAllAndAppend(this.events, decider, stream, commands, metadata, {
      ifMatch,
      beforeAppend: plan.beforeAppend,
    });
    return { ...outcome, subject, moment, metadata };
  }
}
