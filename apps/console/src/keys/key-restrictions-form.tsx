import { FieldError, UpdateKeyRequest } from '@keyledger/client';
import { MAX_ALLOWED_IPS } from '@keyledger/domain/restrictions/ip-allowlist';
import { MAX_RATE_LIMITS } from '@keyledger/domain/restrictions/rate-limits';
import { REASON_MAX } from '@keyledger/domain/keys/reason';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useId, useState } from 'react';
import {
  FieldProblems,
  invalidProps,
  problemsFor,
  useFieldProblems,
} from '../components/field-problems';
import { useClient } from '../session/session-context';
import { KeyViewProps } from './key-view-props';
import { KeyWriteError } from './key-write-error';
import {
  blankRateLimit,
  DURATION_UNITS,
  DurationUnit,
  RateLimitDraft,
  RestrictionsDraft,
  restrictionsDraft,
  restrictionsPatch,
} from './restriction-draft';

/** The rows of named rate limits: each a limit per window, added and removed in place. */
function RateLimitRows({
  rows,
  onChange,
  disabled,
  error,
}: {
  readonly rows: readonly RateLimitDraft[];
  readonly onChange: (rows: readonly RateLimitDraft[]) => void;
  readonly disabled: boolean;
  readonly error: unknown;
}) {
  const ids = useId();
  const update = (index: number, change: Partial<RateLimitDraft>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const listProblems = problemsFor(error, 'rate_limits').filter((p) => p.field === 'rate_limits');
  return (
    <fieldset>
      <legend>Rate limits (sliding windows; none: unlimited requests)</legend>
      {rows.length > 0 && (
        <ol className="rate-limits">
          {rows.map((row, index) => {
            const n = index + 1;
            const problems = problemsFor(error, `rate_limits[${index}]`);
            const problemId = `${ids}-${index}`;
            const invalid = invalidProps(problemId, problems);
            return (
              <li key={row.row} className="rate-limit">
                <label>
                  Rate limit {n} name
                  <input
                    value={row.name}
                    disabled={disabled}
                    onChange={(e) => update(index, { name: e.target.value })}
                    {...invalid}
                  />
                </label>
                <label>
                  Rate limit {n} limit
                  <input
                    type="number"
                    min={0}
                    step={1}
                    value={row.limit}
                    disabled={disabled}
                    onChange={(e) => update(index, { limit: e.target.value })}
                    {...invalid}
                  />
                </label>
                <label>
                  Rate limit {n} per
                  <input
                    type="number"
                    min={0}
                    step="any"
                    value={row.every}
                    disabled={disabled}
                    onChange={(e) => update(index, { every: e.target.value })}
                    {...invalid}
                  />
                </label>
                <label>
                  Rate limit {n} unit
                  <select
                    value={row.unit}
                    disabled={disabled}
                    onChange={(e) => update(index, { unit: e.target.value as DurationUnit })}
                  >
                    {Object.keys(DURATION_UNITS).map((unit) => (
                      <option key={unit} value={unit}>
                        {unit}
                      </option>
                    ))}
                  </select>
                </label>
                <button
                  type="button"
                  disabled={disabled}
                  onClick={() => onChange(rows.filter((_, i) => i !== index))}
                >
                  Remove rate limit {n}
                </button>
                <FieldProblems id={problemId} problems={problems} />
              </li>
            );
          })}
        </ol>
      )}
      <button
        type="button"
        disabled={disabled || rows.length >= MAX_RATE_LIMITS}
        onClick={() => onChange([...rows, blankRateLimit()])}
      >
        Add rate limit
      </button>
      <FieldProblems id={`${ids}-list`} problems={listProblems} />
    </fieldset>
  );
}

/**
 * A key's restrictions and identity: its IP allowlist, named rate limits, metadata and external
 * id, in one PATCH that sends only what changed, guarded by the key's ETag. The service's
 * refusals (`validation_failed`, or `policy_violation` naming the org policy's rule) show beside
 * the field they concern.
 */
export function KeyRestrictionsForm({ keyView, etag }: KeyViewProps) {
  const client = useClient();
  const queries = useQueryClient();
  const [draft, setDraft] = useState<RestrictionsDraft>(() => restrictionsDraft(keyView));
  const [local, setLocal] = useState<readonly FieldError[]>([]);
  const [unchanged, setUnchanged] = useState(false);
  const save = useMutation({
    mutationFn: (patch: UpdateKeyRequest) =>
      client.keys.update(keyView.id, patch, { ifMatch: etag }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['keys'] }),
  });
  const set = <K extends keyof RestrictionsDraft>(field: K, value: RestrictionsDraft[K]) => {
    setUnchanged(false);
    setDraft({ ...draft, [field]: value });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { patch, problems } = restrictionsPatch(keyView, draft);
    setLocal(problems ?? []);
    // A draft refused here is not sent: the last answer's refusal would be stale beside it.
    if (patch === undefined) return save.reset();
    if (Object.keys(patch).length === 0) {
      setUnchanged(true);
      return;
    }
    save.mutate(patch);
  };
  const { field, shown } = useFieldProblems(save.error, local);
  const allowlist = field('allowed_ips', 'require_ip_allowlist');
  const metadata = field('metadata');
  const externalId = field('external_id');
  const reason = field('reason');
  // The rows show their own problems; registered here so the summary leaves them out.
  field('rate_limits');
  const disabled = keyView.revoked;
  return (
    <form className="stack" onSubmit={submit} aria-label="Edit restrictions">
      <label>
        Allowed IPs and CIDRs, one per line (up to {MAX_ALLOWED_IPS}; empty: any address)
        <textarea
          rows={3}
          className="mono"
          value={draft.allowedIps}
          disabled={disabled}
          onChange={(e) => set('allowedIps', e.target.value)}
          {...allowlist.input}
        />
      </label>
      <FieldProblems id={allowlist.id} problems={allowlist.problems} />
      <RateLimitRows
        rows={draft.rateLimits}
        onChange={(rows) => set('rateLimits', rows)}
        disabled={disabled}
        error={save.error}
      />
      <label>
        Metadata (a JSON object of scalar values; empty: none)
        <textarea
          rows={3}
          className="mono"
          value={draft.metadata}
          disabled={disabled}
          onChange={(e) => set('metadata', e.target.value)}
          {...metadata.input}
        />
      </label>
      <FieldProblems id={metadata.id} problems={metadata.problems} />
      <label>
        External id (the owner&apos;s id in your own systems)
        <input
          value={draft.externalId}
          disabled={disabled}
          onChange={(e) => set('externalId', e.target.value)}
          {...externalId.input}
        />
      </label>
      <FieldProblems id={externalId.id} problems={externalId.problems} />
      <label>
        Reason (kept in the audit trail)
        <input
          maxLength={REASON_MAX}
          value={draft.reason}
          disabled={disabled}
          onChange={(e) => set('reason', e.target.value)}
          {...reason.input}
        />
      </label>
      <FieldProblems id={reason.id} problems={reason.problems} />
      {save.error && <KeyWriteError keyId={keyView.id} error={save.error} shownInline={shown} />}
      {unchanged && <p role="status">Nothing to save: no restriction changed.</p>}
      {save.isSuccess && <p role="status">Restrictions saved.</p>}
      <button type="submit" className="primary" disabled={save.isPending || disabled}>
        Save restrictions
      </button>
    </form>
  );
}
