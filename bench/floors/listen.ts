import { Server } from 'node:http';

/** Listens on loopback at $PORT and says `ready` on stdout. */
export function listenOnEnvPort(server: Server): void {
  server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
}
