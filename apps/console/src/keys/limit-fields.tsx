import { LimitReset } from '@keyledger/client';
import { invalidProps } from '../components/field-problems';

/** The limit and its window as a form holds them: text as typed, '' for none. */
export interface LimitDraft {
  readonly limit: string;
  readonly reset: '' | LimitReset;
}

/** A limit in credits and the window it resets in, for the create and edit forms. */
export function LimitFields({
  value,
  onChange,
  disabled = false,
  invalid = {},
}: {
  readonly value: LimitDraft;
  readonly onChange: (value: LimitDraft) => void;
  readonly disabled?: boolean;
  /** Ties the limit to the problems a refusal names for it. */
  readonly invalid?: ReturnType<typeof invalidProps>;
}) {
  return (
    <div className="row">
      <label>
        Limit (credits, empty: none)
        <input
          type="number"
          min={0}
          step="any"
          value={value.limit}
          disabled={disabled}
          onChange={(e) => onChange({ ...value, limit: e.target.value })}
          {...invalid}
        />
      </label>
      <label>
        Resets
        <select
          value={value.reset}
          disabled={disabled}
          onChange={(e) => onChange({ ...value, reset: e.target.value as LimitDraft['reset'] })}
        >
          <option value="">never</option>
          <option value="daily">daily</option>
          <option value="weekly">weekly</option>
          <option value="monthly">monthly</option>
        </select>
      </label>
    </div>
  );
}

/** The API's `limit` and `limit_reset` for a draft. */
export const limitFields = (draft: LimitDraft) => ({
  limit: draft.limit === '' ? null : Number(draft.limit),
  limit_reset: draft.reset === '' ? null : draft.reset,
});
