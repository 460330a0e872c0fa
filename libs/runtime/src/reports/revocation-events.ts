import { keyStream } from '@keyledger/domain';
import { EventStore, RecordedEvent } from '@keyledger/event-store';

/** Events read per page. */
const PAGE = 1_000;

/**
 * Every `KeyRevoked` event in global order, filtered by the store (key streams, that type only),
 * of the keys `covers` accepts: the input `recentRevocations` expects, one page at a time.
 */
export async function* revocationEvents(
  events: EventStore,
  covers: (keyId: string) => boolean,
): AsyncGenerator<RecordedEvent> {
  const filter = { streamPrefixes: [keyStream('')], eventTypes: ['KeyRevoked'] };
  let fromPosition = 0;
  for (;;) {
    const page = await events.readAll({ fromPosition, maxCount: PAGE, filter });
    for (const event of page) {
      const keyId = event.data.key_id;
      if (typeof keyId === 'string' && covers(keyId)) yield event;
    }
    const last = page.at(-1);
    if (last === undefined) return;
    fromPosition = last.position;
  }
}
