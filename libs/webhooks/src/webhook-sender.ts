import { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { LookupFunction } from 'node:net';
import { isIpAddress, OutboundAddressPolicy } from '@keyledger/network';

/** One signed POST to a subscriber's endpoint. */
export interface WebhookRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The endpoint's answer; only the status matters (2xx is success). */
export interface WebhookResponse {
  readonly status: number;
}

/** Sends deliveries; a rejection (network error, timeout) counts as a failed attempt. */
export interface WebhookSender {
  send(request: WebhookRequest, signal: AbortSignal): Promise<WebhookResponse>;
}

/**
 * The endpoint is, or resolves to, an address the policy refuses (loopback, private, metadata…).
 * Retrying cannot help, so the delivery gives up at once.
 */
export class RefusedTargetError extends Error {
  constructor(reason: string) {
    super(`${reason}: private and internal targets are refused (WEBHOOK_ALLOW_PRIVATE_TARGETS)`);
    this.name = 'RefusedTarget';
  }
}

/** How long an endpoint may take to answer before the attempt fails. */
export const DEFAULT_SEND_TIMEOUT_MS = 10_000;

/** How the HTTP sender connects. */
export interface HttpSenderOptions {
  readonly timeoutMs?: number;
  /** Which addresses it may connect to; by default public unicast only. */
  readonly targets?: OutboundAddressPolicy;
  /** Name resolution; the system resolver (dns.lookup) unless a test gives its own. */
  readonly resolve?: Resolver;
}

/** Every address a host name resolves to (of one family when `family` is 4 or 6). */
export type Resolver = (hostname: string, family: number) => Promise<readonly LookupAddress[]>;

const systemResolver: Resolver = (hostname, family) => dnsLookup(hostname, { all: true, family });

/**
 * Real HTTP(S) through node:http. Redirects are not followed: a subscription names the endpoint
 * that receives its events, and a redirect could lead a signed delivery anywhere. Every address
 * is checked against the target policy: a literal host before connecting, a name inside the
 * agent's DNS lookup, so the socket connects to exactly the address that was checked (a second
 * resolution, as in DNS rebinding, never happens).
 */
export function httpSender({
  timeoutMs = DEFAULT_SEND_TIMEOUT_MS,
  targets = new OutboundAddressPolicy(),
  resolve = systemResolver,
}: HttpSenderOptions = {}): WebhookSender {
  const lookup = checkedLookup(targets, resolve);
  const agents = {
    'http:': new HttpAgent({ lookup }),
    'https:': new HttpsAgent({ lookup }),
  };
  return {
    async send({ url, headers, body }, signal) {
      const target = new URL(url);
      const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
      // Node connects to a literal address without a lookup: check it here.
      const range = isIpAddress(host) ? targets.refusedRange(host) : null;
      if (range !== null) throw new RefusedTargetError(`${host} is a ${range} address`);
      const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
      const agent = target.protocol === 'https:' ? agents['https:'] : agents['http:'];
      return new Promise<WebhookResponse>((resolve, reject) => {
        const outgoing = request(target, {
          method: 'POST',
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          agent,
          signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
        });
        outgoing.on('error', reject);
        outgoing.on('response', (response) => {
          // The body is never read; discarding it frees the connection at once.
          response.resume();
          resolve({ status: response.statusCode ?? 0 });
        });
        outgoing.end(body);
      });
    },
  };
}

/** A lookup for the agents that resolves once and fails when any address found is refused. */
function checkedLookup(targets: OutboundAddressPolicy, resolve: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, options.family === 4 || options.family === 6 ? options.family : 0).then(
      (addresses) => {
        const refused = addresses
          .map(({ address }) => ({ address, range: targets.refusedRange(address) }))
          .find(({ range }) => range !== null);
        if (refused) {
          const reason = `${hostname} resolves to ${refused.address}, a ${refused.range} address`;
          callback(new RefusedTargetError(reason), '', 0);
        } else if (addresses.length === 0) {
          callback(
            Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }),
            '',
            0,
          );
        } else if (options.all) {
          callback(null, [...addresses]);
        } else {
          callback(null, addresses[0].address, addresses[0].family);
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
