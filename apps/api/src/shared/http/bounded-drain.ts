import { Server } from 'node:http';
import { FastifyInstance } from 'fastify';

/**
 * A shutdown waits for the answers still in flight, but a client that stops reading (or never
 * sends the body it announced) would hold it for good: past the drain limit, the connections
 * left are cut, so a rolling deploy or a test run always gets its process back.
 */
export function boundShutdownDrain(
  fastify: FastifyInstance,
  server: Server,
  limitMs: number,
): void {
  fastify.addHook('preClose', (done) => {
    const cut = setTimeout(() => server.closeAllConnections(), limitMs);
    cut.unref();
    server.once('close', () => clearTimeout(cut));
    done();
  });
}
