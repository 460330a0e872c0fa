import { FieldErrors } from '../shared/validation';
import { failedFields } from '../testing';
import { checkGracePeriod, MAX_GRACE_SECONDS } from './rotation';

const now = '2026-11-23T10:00:00.000Z';

describe('checkGracePeriod', () => {
  it.each([
    [0, null],
    [1, '2026-11-23T10:00:01.000Z'],
    [MAX_GRACE_SECONDS, '2026-11-30T10:00:00.000Z'],
  ])('grace %p keeps the old secret until %p', (grace, until) => {
    expect(checkGracePeriod(new FieldErrors(), grace, now)).toBe(until);
  });

  it('allows at most a week', () => {
    expect(MAX_GRACE_SECONDS).toBe(604_800);
  });

  it.each([-1, MAX_GRACE_SECONDS + 1, 1.5, Number.NaN, '60'])(
    'refuses %p on `grace_period_seconds`',
    (grace) => {
      expect(failedFields((errors) => checkGracePeriod(errors, grace, now))).toEqual([
        'grace_period_seconds',
      ]);
    },
  );
});
