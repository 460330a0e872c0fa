import { useId } from 'react';
import { BLANK_RULE, RuleDraft, ruleProblems } from './rule-draft';

/** One field of a rule, with the service's objection under it as you type. */
function RuleField({
  label,
  value,
  problem,
  onChange,
  mono = false,
}: {
  readonly label: string;
  readonly value: string;
  readonly problem: string | undefined;
  readonly onChange: (value: string) => void;
  readonly mono?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={mono ? 'mono' : undefined}
        value={value}
        aria-invalid={problem !== undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {problem && (
        <span id={`${id}-problem`} className="field-problem">
          {label} {problem}
        </span>
      )}
    </div>
  );
}

/**
 * Edits a list of routing rules. Each pattern is checked on every keystroke with the service's
 * own rule (length, compile, ReDoS refusal), shared from libs/domain.
 */
export function RuleEditor({
  rules,
  onChange,
}: {
  readonly rules: readonly RuleDraft[];
  readonly onChange: (rules: RuleDraft[]) => void;
}) {
  const update = (index: number, patch: Partial<RuleDraft>) =>
    onChange(rules.map((rule, at) => (at === index ? { ...rule, ...patch } : rule)));
  return (
    <fieldset className="rules">
      <legend>Rules, tried in order</legend>
      {rules.length === 0 && <p className="muted">No rule yet.</p>}
      <ol>
        {rules.map((rule, index) => {
          const problems = ruleProblems(rule);
          return (
            <li key={index} className="rule">
              <RuleField
                label={`Rule ${index + 1} pattern`}
                value={rule.pattern}
                problem={problems.pattern}
                onChange={(pattern) => update(index, { pattern })}
                mono
              />
              <RuleField
                label={`Rule ${index + 1} mode`}
                value={rule.target_mode}
                problem={problems.target_mode}
                onChange={(target_mode) => update(index, { target_mode })}
              />
              <RuleField
                label={`Rule ${index + 1} engine`}
                value={rule.target_engine}
                problem={problems.target_engine}
                onChange={(target_engine) => update(index, { target_engine })}
              />
              <RuleField
                label={`Rule ${index + 1} confidence`}
                value={rule.confidence}
                problem={problems.confidence}
                onChange={(confidence) => update(index, { confidence })}
              />
              <button
                type="button"
                className="ghost"
                onClick={() => onChange(rules.filter((_, at) => at !== index))}
              >
                Remove rule {index + 1}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange([...rules, BLANK_RULE])}>
        Add rule
      </button>
    </fieldset>
  );
}

/** Whether every draft would pass the service's checks. */
export const rulesAreValid = (rules: readonly RuleDraft[]): boolean =>
  rules.every((rule) => Object.keys(ruleProblems(rule)).length === 0);
