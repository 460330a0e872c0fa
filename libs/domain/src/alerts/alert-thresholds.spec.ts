import { failedFields } from '../testing/failed-fields';
import { validate } from '../shared/validation';
import { checkAlertThresholds } from './alert-thresholds';

const check = (value: unknown) => validate((errors) => checkAlertThresholds(errors, value));

describe('checkAlertThresholds', () => {
  it('keeps distinct whole percentages, ascending', () => {
    expect(check([100, 50, 80])).toEqual([50, 80, 100]);
    expect(check([])).toEqual([]);
  });

  it.each([[[0]], [[101]], [[50.5]], [[50, 50]], [[1, 2, 3, 4, 5, 6]], ['80'], [null]])(
    'refuses %p',
    (value) => {
      expect(failedFields((errors) => checkAlertThresholds(errors, value))).toEqual([
        'alert_thresholds',
      ]);
    },
  );
});
