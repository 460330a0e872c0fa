import { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';

/** Whether the hop at `index` of a request's address chain (0: the peer) is a trusted proxy. */
export type TrustedProxy = (address: string, index: number) => boolean;

/**
 * TRUST_PROXY (true, false, a hop count, or addresses and ranges separated by commas) as one
 * function: Fastify takes it as its `trustProxy`, and the fast listener reads the client's
 * address with the same one, so the two can never tell a client apart differently.
 */
export function trustedProxy(setting: boolean | number | string): TrustedProxy {
  if (typeof setting === 'boolean') return () => setting;
  if (typeof setting === 'number') return (_address, index) => index < setting;
  return proxyAddr.compile(setting.split(',').map((entry) => entry.trim()));
}

/** The client's address, as Fastify's `request.ip` gives it for the same trust. */
export function clientAddress(request: IncomingMessage, trust: TrustedProxy): string {
  return proxyAddr(request, trust);
}
