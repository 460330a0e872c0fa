import { FieldError, KeyledgerApiError } from '@keyledger/client';
import { useId } from 'react';

/**
 * The field errors a refusal names for any of `fields` or anything under them: `allowed_ips`
 * covers `allowed_ips[2]`, `rate_limits` covers `rate_limits[0].limit`. A `policy_violation`
 * names the policy's rule (`require_ip_allowlist`), so a form passes the rules its field answers.
 */
export function problemsFor(error: unknown, ...fields: readonly string[]): readonly FieldError[] {
  if (!(error instanceof KeyledgerApiError)) return [];
  return error.fields.filter((problem) =>
    fields.some(
      (field) =>
        problem.field === field ||
        problem.field.startsWith(`${field}[`) ||
        problem.field.startsWith(`${field}.`),
    ),
  );
}

/** The attributes that tie an input to the problems shown under it (none when there are none). */
export const invalidProps = (id: string, problems: readonly FieldError[]) =>
  problems.length === 0 ? {} : { 'aria-invalid': true, 'aria-describedby': id };

/** The problems with one field, under its input; `id` is what the input's aria-describedby names. */
export function FieldProblems({
  id,
  problems,
}: {
  readonly id: string;
  readonly problems: readonly FieldError[];
}) {
  if (problems.length === 0) return null;
  return (
    <span id={id} className="field-problem">
      {problems.map((problem, index) => (
        <span key={index}>
          <code>{problem.field}</code> {problem.message}
        </span>
      ))}
    </span>
  );
}

/** One field's problems, the id its input's aria-describedby names, and the input's attributes. */
export interface FieldState {
  readonly id: string;
  readonly problems: readonly FieldError[];
  readonly input: ReturnType<typeof invalidProps>;
}

/**
 * A form's field problems: `field(name, ...rules)` gives one field's (a write's refusal of it, or
 * of the policy rules it answers, and the form's own `checked` ones), and `shown` collects every
 * problem so given, for the summary to leave out. Call `field` for every field before reading it.
 */
export function useFieldProblems(error: unknown, checked: readonly FieldError[] = []) {
  const ids = useId();
  const shown: FieldError[] = [];
  const field = (name: string, ...rules: readonly string[]): FieldState => {
    const problems = [
      ...checked.filter((problem) => problem.field === name),
      ...problemsFor(error, name, ...rules),
    ];
    shown.push(...problems);
    const id = `${ids}-${name}`;
    return { id, problems, input: invalidProps(id, problems) };
  };
  return { field, shown };
}
