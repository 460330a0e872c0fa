import { IncomingMessage } from 'node:http';
import { clientAddress, trustedProxy } from './client-address';

/** A request from `peer` that passed the proxies in `forwardedFor` (nearest last). */
const request = (peer: string, forwardedFor?: string): IncomingMessage =>
  ({
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
    socket: { remoteAddress: peer },
  }) as unknown as IncomingMessage;

describe('the client address for each TRUST_PROXY setting', () => {
  const chain = request('127.0.0.1', '198.51.100.1, 10.0.0.2');

  it('false: the peer, whatever the request says', () => {
    expect(clientAddress(chain, trustedProxy(false))).toBe('127.0.0.1');
  });

  it('true: the first address of the chain', () => {
    expect(clientAddress(chain, trustedProxy(true))).toBe('198.51.100.1');
  });

  it('a hop count: that many proxies from the peer are looked past', () => {
    expect(clientAddress(chain, trustedProxy(1))).toBe('10.0.0.2');
    expect(clientAddress(chain, trustedProxy(2))).toBe('198.51.100.1');
  });

  it('addresses and ranges: only those are looked past', () => {
    expect(clientAddress(chain, trustedProxy('loopback'))).toBe('10.0.0.2');
    expect(clientAddress(chain, trustedProxy('loopback, 10.0.0.0/8'))).toBe('198.51.100.1');
    expect(clientAddress(request('203.0.113.9', '198.51.100.1'), trustedProxy('loopback'))).toBe(
      '203.0.113.9',
    );
  });
});
