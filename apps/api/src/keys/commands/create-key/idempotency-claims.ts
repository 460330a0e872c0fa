import { Inject, Injectable } from '@nestjs/common';
import { EventMetadata, EventStore, WrongExpectedRevisionError } from '@keyledger/event-store';
import { EVENT_STORE } from '../../../infrastructure/tokens';
import { ApiError } from '../../../shared/errors/api-error';

/** The one event of an idempotency stream: which request used the key, and the id it reserved. */
export const IDEMPOTENCY_KEY_CLAIMED = 'IdempotencyKeyClaimed';

/** What a claim records. */
export interface IdempotencyClaim {
  readonly fingerprint: string;
  readonly key_id: string;
}

/**
 * Claims idempotency keys in the event store: the first request appends its claim with
 * `no_stream`, so of any number of concurrent requests exactly one claims, and every other one
 * (now or after a restart) reads that claim back. It appends itself, beside the write pipeline:
 * a claim is no command on a subject (no decider, no If-Match) but the reservation that comes
 * before the create, which then goes through the pipeline.
 */
@Injectable()
export class IdempotencyClaims {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  /**
   * The key id this request is to create: the one an earlier request with the same body claimed,
   * or `claim.key_id`, claimed now. The same key with another body is 409 `idempotency_key_reused`.
   */
  async claim(stream: string, claim: IdempotencyClaim, metadata: EventMetadata): Promise<string> {
    for (;;) {
      const [earlier] = await this.events.readStream(stream);
      if (earlier) return reservedFor(earlier.data as unknown as IdempotencyClaim, claim);
      try {
        const data = { fingerprint: claim.fingerprint, key_id: claim.key_id };
        await this.events.append(stream, [{ type: IDEMPOTENCY_KEY_CLAIMED, data }], {
          expectedRevision: 'no_stream',
          metadata,
        });
        return claim.key_id;
      } catch (error) {
        // Lost to a concurrent request: loop to read its claim.
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    }
  }
}

function reservedFor(earlier: IdempotencyClaim, claim: IdempotencyClaim): string {
  if (earlier.fingerprint !== claim.fingerprint) {
    throw new ApiError(
      409,
      'idempotency_key_reused',
      'This Idempotency-Key was already used with a different request body; use a new key.',
    );
  }
  return earlier.key_id;
}
