import { FieldError, KeyledgerApiError } from '@keyledger/client';

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
