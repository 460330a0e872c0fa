import { FieldErrors } from '../shared/validation';
import { failedFields } from '../testing';
import { checkOptionalReason, checkRequiredReason, REASON_MAX } from './reason';

describe('reasons', () => {
  it('requires 1-500 characters for a required reason', () => {
    expect(failedFields((errors) => checkRequiredReason(errors, 'r'.repeat(REASON_MAX)))).toEqual(
      [],
    );
    expect(failedFields((errors) => checkRequiredReason(errors, ' '))).toEqual(['reason']);
    expect(
      failedFields((errors) => checkRequiredReason(errors, 'r'.repeat(REASON_MAX + 1))),
    ).toEqual(['reason']);
  });

  it('lets an optional reason be absent or blank (null), but not too long', () => {
    expect(checkOptionalReason(new FieldErrors(), undefined)).toBeNull();
    expect(checkOptionalReason(new FieldErrors(), '  ')).toBeNull();
    expect(checkOptionalReason(new FieldErrors(), ' leaked ')).toBe('leaked');
    expect(
      failedFields((errors) => checkOptionalReason(errors, 'r'.repeat(REASON_MAX + 1))),
    ).toEqual(['reason']);
  });
});
