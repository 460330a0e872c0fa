import { DomainError } from '../shared/domain-error';
import { validate } from '../shared/validation';
import { checkUsageReport } from './usage-report';

const check = (report: Parameters<typeof checkUsageReport>[1]) =>
  validate((errors) => checkUsageReport(errors, report));

const failedFields = (report: Parameters<typeof checkUsageReport>[1]): string[] => {
  try {
    check(report);
  } catch (error) {
    if (error instanceof DomainError) return error.fields.map((f) => f.field);
  }
  return [];
};

describe('checkUsageReport', () => {
  it('accepts a cost with a BYOK flag and a model', () => {
    expect(check({ cost: 0.0123, byok: true, model: 'openai/gpt-4o' })).toEqual({
      cost: 0.0123,
      byok: true,
      model: 'openai/gpt-4o',
    });
  });

  it('defaults to platform billing and no model', () => {
    expect(check({ cost: 0 })).toEqual({ cost: 0, byok: false, model: null });
  });

  it.each([[-1], [Number.NaN], [Infinity], ['1'], [null], [2e12]])(
    'refuses the cost %p',
    (cost) => {
      expect(failedFields({ cost })).toEqual(['cost']);
    },
  );

  it('refuses a non-boolean byok and a blank or overlong model', () => {
    expect(failedFields({ cost: 1, byok: 'yes', model: ' ' })).toEqual(['byok', 'model']);
    expect(failedFields({ cost: 1, model: 'm'.repeat(257) })).toEqual(['model']);
  });
});
