import { FieldErrors } from '../shared/validation';

/** Longest accepted endpoint URL, in characters. */
export const WEBHOOK_URL_MAX = 2048;

/** Hosts that never leave the machine, so plain http cannot be sniffed on the way. */
const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/**
 * The endpoint URL, normalized; records an error on `url` unless it is https (http only for
 * loopback, for local development) and carries no credentials: the URL is stored in an event,
 * and events never carry a secret.
 */
export function checkWebhookUrl(errors: FieldErrors, value: unknown): string {
  if (typeof value !== 'string' || value.length > WEBHOOK_URL_MAX) {
    errors.add('url', `must be a URL of at most ${WEBHOOK_URL_MAX} characters`);
    return '';
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    errors.add('url', 'must be an absolute URL');
    return '';
  }
  const secure = url.protocol === 'https:';
  if (!secure && !(url.protocol === 'http:' && LOOPBACK_HOST.test(url.hostname))) {
    errors.add('url', 'must use https (plain http is allowed only for localhost)');
  }
  if (url.username !== '' || url.password !== '') {
    errors.add('url', 'must not contain credentials; verify the signature header instead');
  }
  if (url.hash !== '') errors.add('url', 'must not contain a fragment');
  return url.href;
}
