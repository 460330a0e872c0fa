import { randomUUID } from 'node:crypto';
import {
  Metadata,
  Server,
  ServerCredentials,
  ServerReadableStream,
  ServerWritableStream,
  ServiceError,
  status,
  type sendUnaryData,
} from '@grpc/grpc-js';
import { Empty, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import {
  AppendReq,
  AppendResp,
  ReadReq,
  ReadResp,
} from '@eventstore/db-client/generated/streams_pb';

/** An event as the fake keeps it. Positions grow by the record's size, as `$all`'s do. */
interface StoredRecord {
  readonly id: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
  readonly position: bigint;
  /** .NET ticks since the Unix epoch, as the server sends them. */
  readonly created: bigint;
}

/** What the adapter asked for in one Read call. */
export interface ObservedRead {
  readonly kind: 'stream' | 'all' | 'subscription';
  /** The `count` sent, or null when the request carried none (subscriptions never do). */
  readonly maxCount: bigint | null;
  readonly backwards: boolean;
  readonly filtered: boolean;
}

/** A failure the fake answers with, as the server would put it on the wire. */
export interface WireFailure {
  readonly code: status;
  readonly details: string;
  /** The `exception` trailer the server adds, e.g. `access-denied`, `not-leader`. */
  readonly exception?: string;
  readonly trailers?: Readonly<Record<string, string>>;
}

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

interface LiveSubscription {
  readonly call: ReadCall;
  readonly matches: (record: StoredRecord) => boolean;
}

const SYSTEM_RECORD_TYPE = '$metadata';
/** The server's default search window of a filtered read when the client sends none. */
const DEFAULT_SEARCH_WINDOW = 32;

/**
 * An in-process gRPC server speaking EventStoreDB's `Streams` protocol from the client's own
 * generated stubs, with an in-memory log. It is NOT EventStoreDB: it tests the adapter's
 * resource handling and error paths (calls cancelled, `maxCount` sent, drops reported, errors
 * mapped, appends deduplicated by event id as the server does), never the server's semantics.
 * Runs against it never count as the real-server contract run.
 */
export class EsdbProtocolFake {
  readonly reads: ObservedRead[] = [];
  /** Appends the fake received, one entry per call, with the event ids proposed. */
  readonly appendCalls: string[][] = [];
  private server: Server | null = null;
  private readonly log: StoredRecord[] = [];
  private readonly streams = new Map<string, StoredRecord[]>();
  private readonly open = new Set<ReadCall>();
  private readonly live = new Set<LiveSubscription>();
  private readonly failures: { method: 'read' | 'append'; failure: WireFailure }[] = [];
  private appendsLostAfterWrite = 0;
  private sendsCaughtUp = true;
  private nextPosition = 1024n;

  private constructor(private listeningOn: number) {}

  /** The port it serves on (the same after a restart). */
  get port(): number {
    return this.listeningOn;
  }

  /** Starts a fake on a free port of 127.0.0.1, with one system record in its log. */
  static async start(): Promise<EsdbProtocolFake> {
    const fake = new EsdbProtocolFake(0);
    await fake.listen();
    fake.store('$settings', SYSTEM_RECORD_TYPE, 'application/json', '{}', undefined);
    return fake;
  }

  /** An insecure connection string for this fake; `query` adds settings such as `defaultDeadline=300`. */
  url(query = ''): string {
    return `esdb://127.0.0.1:${this.port}?tls=false${query ? `&${query}` : ''}`;
  }

  /** Read calls (reads and subscriptions) the client has not closed yet. */
  get openCalls(): number {
    return this.open.size;
  }

  /** Event ids of one stream in the log, in revision order. */
  idsOf(stream: string): string[] {
    return this.recordsOf(stream).map((r) => r.id);
  }

  private recordsOf(stream: string): StoredRecord[] {
    return this.streams.get(stream) ?? [];
  }

  /** Answers the next `times` calls of `method` with `failure` instead of serving them. */
  failNext(method: 'read' | 'append', failure: WireFailure, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push({ method, failure });
  }

  /** Writes the next `times` appends, then never answers them: the client's deadline passes. */
  loseAnswersOfNextAppends(times: number): void {
    this.appendsLostAfterWrite = times;
  }

  /** Stops sending caught-up (as servers before the message existed did). */
  silenceCaughtUp(): void {
    this.sendsCaughtUp = false;
  }

  /** Ends every live subscription with `failure`, as a node stepping down or restarting does. */
  dropSubscriptions(failure: WireFailure): void {
    for (const { call } of [...this.live]) call.emit('error', toServiceError(failure));
    this.live.clear();
  }

  /** Stops serving at once, cutting every call: the server going away. */
  async stop(): Promise<void> {
    this.live.clear();
    this.open.clear();
    this.server?.forceShutdown();
    this.server = null;
  }

  /** Serves again on the same port, with the same log: the server coming back. */
  async restart(): Promise<void> {
    await this.listen();
  }

  private async listen(): Promise<void> {
    const server = new Server();
    server.addService(StreamsService, {
      read: (call: ReadCall) => this.read(call),
      append: (
        call: ServerReadableStream<AppendReq, AppendResp>,
        done: sendUnaryData<AppendResp>,
      ) => this.append(call, done),
    });
    this.listeningOn = await new Promise<number>((resolve, reject) =>
      server.bindAsync(
        `127.0.0.1:${this.port}`,
        ServerCredentials.createInsecure(),
        (error, port) => (error ? reject(error) : resolve(port)),
      ),
    );
    this.server = server;
  }

  private takeFailure(method: 'read' | 'append'): WireFailure | null {
    const index = this.failures.findIndex((f) => f.method === method);
    return index < 0 ? null : this.failures.splice(index, 1)[0].failure;
  }

  private read(call: ReadCall): void {
    const options = call.request.getOptions();
    if (!options) return void call.emit('error', toServiceError(INVALID('no options')));
    const kind = options.hasSubscription() ? 'subscription' : options.hasAll() ? 'all' : 'stream';
    this.reads.push({
      kind,
      maxCount: options.hasCount() ? BigInt(options.getCount()) : null,
      backwards: options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS,
      filtered: options.hasFilter(),
    });
    const failure = this.takeFailure('read');
    if (failure) return void call.emit('error', toServiceError(failure));
    this.open.add(call);
    const forget = (): void => {
      this.open.delete(call);
      for (const subscription of this.live)
        if (subscription.call === call) this.live.delete(subscription);
    };
    call.on('cancelled', forget);
    call.on('finish', forget);
    if (kind === 'stream') this.readStream(call, options);
    else if (kind === 'all') this.readAll(call, options);
    else this.subscribeToAll(call, options);
  }

  private readStream(call: ReadCall, options: ReadReq.Options): void {
    const stream = options.getStream();
    const name = Buffer.from(stream?.getStreamIdentifier()?.getStreamName_asU8() ?? []).toString();
    const records = this.recordsOf(name);
    if (records.length === 0) {
      const notFound = new ReadResp.StreamNotFound();
      notFound.setStreamIdentifier(streamIdentifier(name));
      call.write(new ReadResp().setStreamNotFound(notFound));
      return void call.end();
    }
    const from = stream?.hasRevision() ? BigInt(stream.getRevision()) : 0n;
    const count = BigInt(options.getCount());
    void pump(call, records.filter((r) => r.revision >= from).slice(0, Number(count)), true);
  }

  private readAll(call: ReadCall, options: ReadReq.Options): void {
    const all = options.getAll();
    const count = Number(BigInt(options.getCount()));
    const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
    let records = backwards ? [...this.log].reverse() : this.log;
    if (all?.hasPosition()) {
      const at = BigInt(all.getPosition()?.getCommitPosition() ?? '0');
      records = records.filter((r) => (backwards ? r.position < at : r.position >= at));
    }
    void pump(call, records.slice(0, count), true);
  }

  private subscribeToAll(call: ReadCall, options: ReadReq.Options): void {
    const all = options.getAll();
    const after = all?.hasPosition() ? BigInt(all.getPosition()?.getCommitPosition() ?? '0') : -1n;
    const matches = recordFilter(options);
    const filter = options.getFilter();
    const checkpointEvery = filter
      ? (filter.hasMax() ? filter.getMax() : DEFAULT_SEARCH_WINDOW) *
        filter.getCheckpointintervalmultiplier()
      : Infinity;
    const confirmation = new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID());
    call.write(new ReadResp().setConfirmation(confirmation));
    let considered = 0;
    for (const record of this.log.filter((r) => r.position > after)) {
      if (matches(record)) call.write(eventResponse(record));
      if (++considered % checkpointEvery === 0) {
        const checkpoint = new ReadResp.Checkpoint()
          .setCommitPosition(String(record.position))
          .setPreparePosition(String(record.position));
        call.write(new ReadResp().setCheckpoint(checkpoint));
      }
    }
    if (this.sendsCaughtUp) call.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
    this.live.add({ call, matches });
  }

  private append(
    call: ServerReadableStream<AppendReq, AppendResp>,
    done: sendUnaryData<AppendResp>,
  ): void {
    let options: AppendReq.Options | undefined;
    const proposed: AppendReq.ProposedMessage[] = [];
    call.on('data', (request: AppendReq) => {
      if (request.hasOptions()) options = request.getOptions();
      else if (request.hasProposedMessage()) proposed.push(request.getProposedMessage()!);
    });
    call.on('end', () => {
      // The server writes an append whole or not at all. grpc-js ends the request stream of a
      // call cut short (cancelled, or past its deadline) too: such a call is dropped unwritten.
      const deadline = Number(call.getDeadline());
      if (call.cancelled || deadline <= Date.now()) return;
      const ids = proposed.map((m) => m.getId()?.getString() ?? randomUUID());
      this.appendCalls.push(ids);
      const failure = this.takeFailure('append');
      if (failure) return done(toServiceError(failure));
      const name = Buffer.from(
        options?.getStreamIdentifier()?.getStreamName_asU8() ?? [],
      ).toString();
      const answer = this.appendTo(name, options, proposed, ids);
      if (this.appendsLostAfterWrite > 0 && answer.hasSuccess()) {
        this.appendsLostAfterWrite--;
        return; // written, never answered: the client's deadline ends the call
      }
      done(null, answer);
    });
  }

  private appendTo(
    stream: string,
    options: AppendReq.Options | undefined,
    proposed: readonly AppendReq.ProposedMessage[],
    ids: readonly string[],
  ): AppendResp {
    const records = this.recordsOf(stream);
    const last = records.at(-1);
    // As the server does: a repeat of events already written (same ids) succeeds, writing nothing.
    const proposedIds = new Set(ids);
    const repeated = records.filter((r) => proposedIds.has(r.id));
    if (repeated.length === ids.length && ids.length > 0) return success(repeated.at(-1)!);
    const current = last?.revision ?? null;
    const refused =
      (options?.hasNoStream() && current !== null) ||
      (options?.hasStreamExists() && current === null) ||
      (options?.hasRevision() && current !== BigInt(options.getRevision()));
    if (refused) {
      const wrong = new AppendResp.WrongExpectedVersion();
      if (current === null) wrong.setCurrentNoStream(new Empty());
      else wrong.setCurrentRevision(String(current));
      if (options?.hasRevision()) wrong.setExpectedRevision(options.getRevision());
      else if (options?.hasNoStream()) wrong.setExpectedNoStream(new Empty());
      else wrong.setExpectedStreamExists(new Empty());
      return new AppendResp().setWrongExpectedVersion(wrong);
    }
    let written: StoredRecord | undefined;
    proposed.forEach((message, i) => {
      const metadata = message.getMetadataMap();
      written = this.store(
        stream,
        metadata.get('type') ?? '',
        metadata.get('content-type') ?? 'application/octet-stream',
        message.getData_asU8(),
        message.getCustomMetadata_asU8(),
        ids[i],
      );
    });
    return success(written!);
  }

  private store(
    stream: string,
    type: string,
    contentType: string,
    data: Uint8Array | string,
    metadata: Uint8Array | undefined,
    id: string = randomUUID(),
  ): StoredRecord {
    const records = this.recordsOf(stream);
    const previous = records.at(-1);
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    const record: StoredRecord = {
      id,
      stream,
      revision: previous ? previous.revision + 1n : 0n,
      type,
      contentType,
      data: bytes,
      metadata: metadata ?? new Uint8Array(),
      position: this.nextPosition,
      created: BigInt(Date.now()) * 10_000n,
    };
    // Like a transaction-file offset: the next record starts after this one's bytes.
    this.nextPosition += BigInt(128 + bytes.length + record.metadata.length);
    this.log.push(record);
    if (records.length === 0) this.streams.set(stream, [record]);
    else records.push(record);
    for (const subscription of this.live) {
      if (subscription.matches(record)) subscription.call.write(eventResponse(record));
    }
    return record;
  }
}

const INVALID = (details: string): WireFailure => ({ code: status.INVALID_ARGUMENT, details });

/**
 * Sends records as the server does: no faster than the client reads (HTTP/2 flow control), so a
 * read the client stops consuming without cancelling stays open, as on a real server.
 */
async function pump(call: ReadCall, records: readonly StoredRecord[], end: boolean): Promise<void> {
  for (const record of records) {
    if (call.cancelled || call.destroyed) return;
    if (!call.write(eventResponse(record))) {
      await new Promise<void>((resolve) => {
        call.once('drain', resolve);
        call.once('cancelled', resolve);
        call.once('close', resolve);
      });
    }
  }
  if (end && !call.cancelled && !call.destroyed) call.end();
}

function toServiceError(failure: WireFailure): Partial<ServiceError> {
  const metadata = new Metadata();
  if (failure.exception) metadata.set('exception', failure.exception);
  for (const [key, value] of Object.entries(failure.trailers ?? {})) metadata.set(key, value);
  return { code: failure.code, details: failure.details, metadata };
}

function streamIdentifier(name: string): StreamIdentifier {
  return new StreamIdentifier().setStreamName(Buffer.from(name));
}

function eventResponse(record: StoredRecord): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(new UUID().setString(record.id))
    .setStreamIdentifier(streamIdentifier(record.stream))
    .setStreamRevision(String(record.revision))
    .setCommitPosition(String(record.position))
    .setPreparePosition(String(record.position))
    .setData(record.data)
    .setCustomMetadata(record.metadata);
  const metadata = recorded.getMetadataMap();
  metadata.set('type', record.type);
  metadata.set('content-type', record.contentType);
  metadata.set('created', String(record.created));
  const event = new ReadResp.ReadEvent()
    .setEvent(recorded)
    .setCommitPosition(String(record.position));
  return new ReadResp().setEvent(event);
}

function success(record: StoredRecord): AppendResp {
  const position = new AppendResp.Position()
    .setCommitPosition(String(record.position))
    .setPreparePosition(String(record.position));
  const ok = new AppendResp.Success()
    .setCurrentRevision(String(record.revision))
    .setPosition(position);
  return new AppendResp().setSuccess(ok);
}

/** The server-side filter of a subscription request: prefixes or a regex, on stream or type. */
function recordFilter(options: ReadReq.Options): (record: StoredRecord) => boolean {
  const filter = options.getFilter();
  if (!filter) return () => true;
  const onStream = filter.hasStreamIdentifier();
  const expression = onStream ? filter.getStreamIdentifier() : filter.getEventType();
  const prefixes = expression?.getPrefixList() ?? [];
  const regex = expression?.getRegex() ? new RegExp(expression.getRegex()) : null;
  return (record) => {
    const subject = onStream ? record.stream : record.type;
    if (regex) return regex.test(subject);
    return prefixes.some((prefix) => subject.startsWith(prefix));
  };
}
