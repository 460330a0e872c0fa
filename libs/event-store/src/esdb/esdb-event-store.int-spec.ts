import { describeEventStoreContract } from '../testing/event-store.contract';
import { EsdbEventStore } from './esdb-event-store';

const url = process.env.EVENTSTORE_URL;

if (url) {
  const open = async () => {
    const connect = () => new EsdbEventStore({ connectionString: url });
    return { store: connect(), reopen: async () => connect(), cleanup: async () => undefined };
  };
  describeEventStoreContract('EventStoreDB', open);
} else {
  console.warn(
    '[esdb contract] SKIPPED: EVENTSTORE_URL is not set (no EventStoreDB server on this machine). ' +
      'Run: docker compose up -d eventstore && EVENTSTORE_URL="esdb://localhost:2113?tls=false" npx jest libs/event-store',
  );
  describe.skip('EventStore contract: EventStoreDB (EVENTSTORE_URL not set)', () => {
    it('runs the shared contract against a live server', () => undefined);
  });
}
