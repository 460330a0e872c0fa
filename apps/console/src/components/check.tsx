import { KEY_SCOPES } from '@keyledger/domain/keys/key-scopes';

/** A checkbox with its label beside it. */
export function Check({
  label,
  checked,
  onChange,
  disabled = false,
}: {
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly disabled?: boolean;
}) {
  return (
    <label className="inline">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  );
}

/** A box per key scope the service knows, ticked for those `selected`. */
export function ScopeChecks({
  selected,
  onChange,
  disabled = false,
}: {
  readonly selected: readonly string[];
  readonly onChange: (scopes: readonly string[]) => void;
  readonly disabled?: boolean;
}) {
  return (
    <div className="checks">
      {KEY_SCOPES.map((scope) => (
        <Check
          key={scope}
          label={scope}
          disabled={disabled}
          checked={selected.includes(scope)}
          onChange={(on) =>
            onChange(on ? [...selected, scope] : selected.filter((other) => other !== scope))
          }
        />
      ))}
    </div>
  );
}
