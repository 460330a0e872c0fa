import { ConformToKeyPolicy } from '../keys/key.commands';
import { KeyEvent } from '../keys/key.events';
import { KeyFacts } from '../keys/key.state';
import { DomainError, FieldError } from '../shared/domain-error';
import { latestExpiry, PolicySubject, policyViolations } from './key-policy-compliance';

const epochMs = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

/** What the policy rules see of a key. */
export function policySubjectOf(key: KeyFacts): PolicySubject {
  return {
    scopes: key.scopes,
    limit: key.limit,
    allowed_ips: key.allowed_ips,
    expires_at: epochMs(key.expires_at),
    issued_at: Date.parse(key.secret_issued_at),
  };
}

/** A refused write: 400 `policy_violation`, `fields` naming each broken rule. */
export const policyViolationError = (violations: readonly FieldError[]): DomainError =>
  new DomainError(
    'policy_violation',
    `The key would break its organization's key policy: ${violations.map((v) => `${v.field}: ${v.message}`).join('; ')}`,
    violations,
  );

/**
 * The events that bring an updated or rotated key to its org's policy, or a `policy_violation`.
 * Only the expiry is ever filled in, and only when the request did not name it: the key gets
 * the latest expiry the policy allows its secret, if that is still ahead.
 */
export function enforceKeyPolicy(command: ConformToKeyPolicy, key: KeyFacts): KeyEvent[] {
  const { policy, expiry_named, now } = command;
  const subject = policySubjectOf(key);
  const latest = latestExpiry(policy, subject.issued_at);
  const beyond = subject.expires_at === null || (latest !== null && subject.expires_at > latest);
  if (latest !== null && !expiry_named && beyond && latest > Date.parse(now)) {
    const violations = policyViolations(policy, { ...subject, expires_at: latest });
    if (violations.length > 0) throw policyViolationError(violations);
    const expires_at = new Date(latest).toISOString();
    return [{ type: 'KeyExpirySet', data: { key_id: key.id, expires_at, changed_at: now } }];
  }
  const violations = policyViolations(policy, subject);
  if (violations.length > 0) throw policyViolationError(violations);
  return [];
}
