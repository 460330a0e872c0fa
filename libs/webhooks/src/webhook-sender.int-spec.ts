import { OutboundAddressPolicy, parseCidrList } from '@keyledger/network';
import { startWebhookReceiver, WebhookReceiver } from './testing';
import { httpSender, RefusedTargetError, Resolver } from './webhook-sender';

const request = (url: string) => ({
  url,
  headers: { 'content-type': 'application/json' },
  body: '{}',
});
const never = new AbortController().signal;
const loopbackAllowed = new OutboundAddressPolicy(parseCidrList('127.0.0.0/8'));
/** A resolver that knows one made-up name, so that no other resolution can reach it. */
const resolvingTo =
  (address: string): Resolver =>
  async () => [{ address, family: 4 }];

describe('httpSender: only allowed addresses, pinned for the connection', () => {
  let receiver: WebhookReceiver;
  let port: string;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    port = new URL(receiver.url).port;
  });
  afterAll(() => receiver.close());

  it.each([
    ['127.0.0.1'],
    ['[::1]'],
    ['[::ffff:127.0.0.1]'],
    ['10.0.0.5'],
    ['169.254.169.254'],
    ['100.64.0.1'],
    ['[fd00::1]'],
  ])('refuses the literal address %s before connecting', async (host) => {
    const sent = httpSender().send(request(`http://${host}:${port}/hook`), never);
    await expect(sent).rejects.toBeInstanceOf(RefusedTargetError);
    await expect(sent).rejects.toThrow(/ address: private and internal targets are refused/);
    expect(receiver.received).toHaveLength(0);
  });

  it('refuses a name that resolves to a private address, naming both', async () => {
    const sender = httpSender({ resolve: resolvingTo('10.1.2.3') });
    await expect(
      sender.send(request(`http://hooks.internal.test:${port}/`), never),
    ).rejects.toThrow(/hooks\.internal\.test resolves to 10\.1\.2\.3, a private address/);
  });

  it('refuses localhost through the system resolver', async () => {
    await expect(
      httpSender().send(request(`http://localhost:${port}/`), never),
    ).rejects.toBeInstanceOf(RefusedTargetError);
    expect(receiver.received).toHaveLength(0);
  });

  it('connects to exactly the address it checked (the name resolves nowhere else)', async () => {
    const sender = httpSender({ targets: loopbackAllowed, resolve: resolvingTo('127.0.0.1') });
    const answer = await sender.send(request(`http://hooks.pinned.test:${port}/pinned`), never);
    expect(answer.status).toBe(200);
    expect(receiver.received.at(-1)?.headers.host).toBe(`hooks.pinned.test:${port}`);
  });

  it('lets an operator allow a private block, literal or resolved', async () => {
    const sender = httpSender({ targets: loopbackAllowed });
    expect((await sender.send(request(`http://127.0.0.1:${port}/`), never)).status).toBe(200);
  });
});
