import { failedFields } from '../testing';
import { validate } from '../shared/validation';
import { checkWebhookUrl, WEBHOOK_URL_MAX } from './webhook-url';

const refused = (url: unknown) => failedFields((errors) => checkWebhookUrl(errors, url));

describe('checkWebhookUrl', () => {
  it.each([
    'https://hooks.example.com/keyledger',
    'https://hooks.example.com:8443/a?b=c',
    'http://localhost:3000/hook',
    'http://127.0.0.1:8080/hook',
    'http://[::1]/hook',
  ])('accepts %s', (url) => {
    expect(refused(url)).toEqual([]);
  });

  it.each([
    ['plain http off the machine', 'http://hooks.example.com/x'],
    ['a host that only starts like loopback', 'http://127.0.0.1.evil.example/x'],
    ['another scheme', 'ftp://hooks.example.com/x'],
    ['a relative URL', '/hooks'],
    ['not a string', 42],
    ['credentials, which would put a secret in an event', 'https://user:pw@hooks.example.com/'],
    ['a fragment', 'https://hooks.example.com/#x'],
    ['an overlong URL', `https://h.example.com/${'a'.repeat(WEBHOOK_URL_MAX)}`],
  ])('refuses %s', (_why, url) => {
    expect(refused(url)).toEqual(['url']);
  });

  it('normalizes what it accepts', () => {
    expect(validate((errors) => checkWebhookUrl(errors, 'HTTPS://Hooks.Example.com'))).toBe(
      'https://hooks.example.com/',
    );
  });
});
