import { AddressInfo, createServer, connect, Server, Socket } from 'node:net';

/**
 * A TCP proxy in front of an event store server that can make the server go away (cut every
 * connection, refuse new ones) and lose answers (swallow what the server sends for a while),
 * for tests that need a real server to misbehave. It counts the connections still open, so a
 * test can see whether a client really closed its own.
 */
export class TcpFaultProxy {
  private readonly pairs = new Set<readonly [Socket, Socket]>();
  private refusing = false;
  private swallowing = false;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  /** Listens on a free port of 127.0.0.1 and forwards every connection to `host:port`. */
  static async start(target: {
    readonly host: string;
    readonly port: number;
  }): Promise<TcpFaultProxy> {
    let proxy: TcpFaultProxy | null = null;
    const server = createServer((client) => proxy?.accept(client, target));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = new TcpFaultProxy(server, (server.address() as AddressInfo).port);
    return proxy;
  }

  /** Client connections open through the proxy. */
  get openConnections(): number {
    return this.pairs.size;
  }

  /** The server goes away: every connection is cut and new ones are refused until `comeBack`. */
  goAway(): void {
    this.refusing = true;
    this.cutAll();
  }

  /** Accepts connections again. */
  comeBack(): void {
    this.refusing = false;
  }

  /**
   * Swallows everything the server sends for `ms` (requests still reach it), then cuts the
   * connections: answers written by the server are lost, and clients reconnect.
   */
  loseAnswersFor(ms: number): Promise<void> {
    this.swallowing = true;
    return new Promise((resolve) =>
      setTimeout(() => {
        this.swallowing = false;
        this.cutAll();
        resolve();
      }, ms),
    );
  }

  /** Cuts every connection and stops listening. */
  async close(): Promise<void> {
    this.cutAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket, target: { readonly host: string; readonly port: number }): void {
    if (this.refusing) {
      client.destroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    const pair = [client, upstream] as const;
    this.pairs.add(pair);
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => {
      if (!this.swallowing) client.write(chunk);
    });
    const end = (): void => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of pair) {
      socket.on('close', end);
      socket.on('error', end);
    }
  }

  private cutAll(): void {
    for (const [client, upstream] of [...this.pairs]) {
      client.destroy();
      upstream.destroy();
    }
  }
}
