import { ApiError } from '../shared/errors/api-error';
import {
  AuthFailureThrottle,
  isAuthenticationFailure,
  tooManyAuthFailures,
} from './auth-failure-throttle';

describe('AuthFailureThrottle', () => {
  let now: number;
  const throttle = (maxTrackedClients = 100) =>
    new AuthFailureThrottle({ maxFailures: 3, windowMs: 60_000, maxTrackedClients }, () => now);
  const fail = (subject: AuthFailureThrottle, client: string, times: number) => {
    for (let i = 0; i < times; i++) subject.recordFailure(client);
  };

  beforeEach(() => {
    now = 1_000_000;
  });

  it('lets a client fail up to the limit, then asks it to wait until the window ends', () => {
    const subject = throttle();
    fail(subject, '10.0.0.1', 2);
    expect(subject.retryAfterSeconds('10.0.0.1')).toBe(0);
    now += 15_500;
    fail(subject, '10.0.0.1', 1);
    expect(subject.retryAfterSeconds('10.0.0.1')).toBe(45);
  });

  it('counts each address on its own', () => {
    const subject = throttle();
    fail(subject, '10.0.0.1', 3);
    expect(subject.retryAfterSeconds('10.0.0.2')).toBe(0);
  });

  it('forgets failures once their window has passed', () => {
    const subject = throttle();
    fail(subject, '10.0.0.1', 3);
    now += 60_000;
    expect(subject.retryAfterSeconds('10.0.0.1')).toBe(0);
    fail(subject, '10.0.0.1', 2);
    expect(subject.retryAfterSeconds('10.0.0.1')).toBe(0);
  });

  it('never asks for less than a second', () => {
    const subject = throttle();
    fail(subject, '10.0.0.1', 3);
    now += 59_999;
    expect(subject.retryAfterSeconds('10.0.0.1')).toBe(1);
  });

  it('remembers at most maxTrackedClients addresses, dropping the oldest first', () => {
    const subject = throttle(2);
    fail(subject, 'a', 3);
    fail(subject, 'b', 3);
    fail(subject, 'c', 3);
    expect(['a', 'b', 'c'].map((client) => subject.retryAfterSeconds(client) > 0)).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('prefers dropping expired windows to live ones', () => {
    const subject = throttle(2);
    fail(subject, 'a', 3);
    now += 30_000;
    fail(subject, 'b', 3);
    now += 30_000;
    fail(subject, 'c', 3);
    expect(['b', 'c'].map((client) => subject.retryAfterSeconds(client) > 0)).toEqual([true, true]);
  });
});

describe('throttling refusals', () => {
  it('is a 429 too_many_auth_failures with Retry-After', () => {
    expect(tooManyAuthFailures(12)).toMatchObject({
      status: 429,
      code: 'too_many_auth_failures',
      headers: { 'Retry-After': '12' },
    });
  });

  it('counts bad tokens and bad API keys, not other refusals', () => {
    const refusal = (code: string) => new ApiError(401, code, 'refused');
    expect(isAuthenticationFailure(refusal('invalid_token'))).toBe(true);
    expect(isAuthenticationFailure(refusal('invalid_api_key'))).toBe(true);
    expect(isAuthenticationFailure(refusal('authentication_required'))).toBe(false);
    expect(isAuthenticationFailure(refusal('key_disabled'))).toBe(false);
    expect(isAuthenticationFailure(new Error('invalid_token'))).toBe(false);
  });
});
