import { EventStoreError } from '../event-store-error';
import { toStoreError } from './esdb-errors';

/** A client read or subscription: a Readable whose gRPC call only `close` really ends. */
export interface ClosableRead {
  readonly stream: AsyncIterable<unknown> & { destroy(): unknown };
  /** `cancel()` of a read, `unsubscribe()` of a subscription. */
  readonly close: () => Promise<void>;
}

const EXPIRED = Symbol('expired');

/**
 * Pulls a client read item by item into `take` until it returns false, the read ends, or
 * `deadlineMs` passes (then a `deadline_exceeded` store error). Leaving a `for await` or
 * destroying the stream does not end the gRPC call under it (the client pipes the call into a
 * Transform), so the call is cancelled here on every way out; the client also ignores a deadline
 * on reads, hence the timer.
 */
export async function consumeRead<T>(
  { stream, close }: ClosableRead,
  deadlineMs: number,
  what: string,
  take: (item: T) => boolean,
): Promise<void> {
  // The caller names what the client's untyped Readable yields.
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<T>;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<typeof EXPIRED>((resolve) => {
    timer = setTimeout(() => resolve(EXPIRED), deadlineMs);
  });
  try {
    for (;;) {
      const step = await Promise.race([iterator.next(), expired]);
      if (step === EXPIRED) {
        throw new EventStoreError(
          'deadline_exceeded',
          `${what}: EventStoreDB sent no end within ${deadlineMs} ms`,
        );
      }
      if (step.done || !take(step.value)) return;
    }
  } catch (error) {
    throw toStoreError(error);
  } finally {
    clearTimeout(timer);
    // A read whose call never started has nothing to cancel.
    await close().catch(() => undefined);
    // The cancelled call leaves the Transform open: destroy it, settling a pull still pending.
    stream.destroy();
  }
}
