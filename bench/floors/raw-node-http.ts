/**
 * Floor: raw `node:http`. Reads the POST body, parses its JSON, answers a small JSON: the least
 * a Node service can do per request on this machine.
 */
import { createServer } from 'node:http';
import { listenOnEnvPort } from './listen';

const server = createServer((request, response) => {
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk: string) => (body += chunk));
  request.on('end', () => {
    const parsed = body === '' ? {} : (JSON.parse(body) as { model?: unknown });
    const answer = JSON.stringify({ data: { ok: true, model: parsed.model ?? null } });
    response.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(answer),
    });
    response.end(answer);
  });
});

listenOnEnvPort(server);
