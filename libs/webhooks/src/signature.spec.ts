import { signatureHeader, verifySignature } from './signature';

const secret = 'whsec_test';
const body = '{"id":"e1","type":"key.revoked"}';
const t = 1_800_000_000;
const at = (seconds: number) => new Date(seconds * 1000);

describe('signatureHeader / verifySignature', () => {
  const header = signatureHeader(secret, t, body);

  it('signs "t.body" with HMAC-SHA-256, in the documented shape', () => {
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, header, body, 300, at(t))).toBe(true);
  });

  it('refuses another body, another secret, or a timestamp moved by the sender', () => {
    expect(verifySignature(secret, header, `${body} `, 300, at(t))).toBe(false);
    expect(verifySignature('whsec_other', header, body, 300, at(t))).toBe(false);
    expect(verifySignature(secret, header.replace(`t=${t}`, `t=${t + 1}`), body, 300, at(t))).toBe(
      false,
    );
  });

  it('refuses a timestamp outside the tolerance, either way', () => {
    expect(verifySignature(secret, header, body, 300, at(t + 300))).toBe(true);
    expect(verifySignature(secret, header, body, 300, at(t + 301))).toBe(false);
    expect(verifySignature(secret, header, body, 300, at(t - 301))).toBe(false);
  });

  it('accepts any matching v1 entry, as during a secret rotation', () => {
    const [, v1] = header.split(',');
    expect(verifySignature(secret, `t=${t},v1=${'0'.repeat(64)},${v1}`, body, 300, at(t))).toBe(
      true,
    );
  });

  it.each([
    '',
    'garbage',
    `v1=${'0'.repeat(64)}`,
    `t=abc,v1=00`,
    `t=${t},t=${t},v1=00`,
    `t=${t},v1=zz`,
  ])('refuses the malformed header %j', (malformed) => {
    expect(verifySignature(secret, malformed, body, 300, at(t))).toBe(false);
  });
});
