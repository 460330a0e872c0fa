import { failedFields } from '../testing';
import { checkLimit, checkLimitReset, LIMIT_RESETS, MAX_LIMIT } from './key-limit';

describe('checkLimit', () => {
  it.each([null, 0, 0.0001, 12.5, MAX_LIMIT])('accepts %p', (limit) => {
    expect(failedFields((errors) => checkLimit(errors, limit))).toEqual([]);
  });

  it.each([-0.01, -1, MAX_LIMIT * 1.000001, Number.NaN, Number.POSITIVE_INFINITY, '10', undefined])(
    'refuses %p on `limit`',
    (limit) => {
      expect(failedFields((errors) => checkLimit(errors, limit))).toEqual(['limit']);
    },
  );
});

describe('checkLimitReset', () => {
  it.each([null, ...LIMIT_RESETS])('accepts %p', (reset) => {
    expect(failedFields((errors) => checkLimitReset(errors, reset))).toEqual([]);
  });

  it.each(['hourly', 'Daily', '', undefined])('refuses %p on `limit_reset`', (reset) => {
    expect(failedFields((errors) => checkLimitReset(errors, reset))).toEqual(['limit_reset']);
  });
});
