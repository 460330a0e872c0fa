import { connect, Socket } from 'node:net';
import { call } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A socket that announced a 100-byte body and sent none of it, once the server has its request:
 * that request stays in flight.
 */
async function stalledUpload(app: TestApp, path = '/api/v1/keys', headers = ''): Promise<Socket> {
  const { hostname, port } = new URL(app.baseUrl);
  const received = new Promise((resolve) => app.app.getHttpServer().once('request', resolve));
  const socket = connect(Number(port), hostname);
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: x\r\n${headers}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n`,
  );
  await received;
  return socket;
}

/**
 * Starts the app's close, then sends `rest` of the stalled request and ends the socket: answers
 * with everything the server wrote back before the connection closed.
 */
async function finishDuringClose(
  app: TestApp,
  socket: Socket,
  rest: string,
  options?: { keepData?: boolean },
): Promise<string> {
  const received = new Promise<string>((resolve) => {
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.once('close', () => resolve(text));
  });
  const closed = app.close(options);
  socket.end(rest);
  await closed;
  return received;
}

describe('shutdown with a request still in flight', () => {
  it('cuts a connection that never finishes once SHUTDOWN_DRAIN_MS has passed', async () => {
    const app = await startTestApp({ env: { SHUTDOWN_DRAIN_MS: '200' } });
    const socket = await stalledUpload(app);
    const cut = new Promise((resolve) => socket.once('close', resolve));
    // Without the bound, close() waits for Node's 300 s request timeout and the test times out.
    await app.close();
    await cut;
    expect(socket.destroyed).toBe(true);
  });

  it('lets an answer in flight finish within the drain limit', async () => {
    const app = await startTestApp();
    const socket = await stalledUpload(app);
    const answer = await finishDuringClose(
      app,
      socket,
      JSON.stringify({ name: 'late' }).padEnd(100),
    );
    // Unauthenticated, so 401: what matters is that the request got its answer, not a cut socket.
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
  });

  it('counts a usage report still being uploaded when the shutdown began', async () => {
    // No timed flush: only the engine's close appends the usage counted so far.
    const env = { USAGE_FLUSH_INTERVAL_MS: '60000' };
    const app = await startTestApp({ env });
    const token = await app.token('alice');
    const created = await call(app.baseUrl, 'POST', '/api/v1/keys', {
      auth: token,
      body: { name: 'draining', limit: 100 },
    });
    const { data, secret } = created.body as { data: { id: string }; secret: string };
    const socket = await stalledUpload(app, '/api/v1/usage', `X-API-Key: ${secret}\r\n`);
    const answer = await finishDuringClose(app, socket, JSON.stringify({ cost: 2 }).padEnd(100), {
      keepData: true,
    });
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    const restarted = await startTestApp({ dataDir: app.dataDir, env });
    try {
      const shown = await call(restarted.baseUrl, 'GET', `/api/v1/keys/${data.id}`, {
        auth: token,
      });
      expect(shown.body).toMatchObject({ data: { usage: 2 } });
    } finally {
      await restarted.close();
    }
  });

  it('answers a request pipelined behind it during the drain in the SPEC §7 shape, then closes', async () => {
    const app = await startTestApp();
    const socket = await stalledUpload(app);
    const answers = await finishDuringClose(
      app,
      socket,
      `${'{}'.padEnd(100)}GET /api/v1/keys HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    const second = answers.split(/(?=HTTP\/1\.1 )/)[1] ?? '';
    expect(second).toMatch(/^HTTP\/1\.1 401 /);
    expect(second).toMatch(/\r\nconnection: close\r\n/i);
    expect(JSON.parse(second.slice(second.indexOf('\r\n\r\n') + 4))).toMatchObject({
      error: { code: 'authentication_required' },
    });
  });
});
