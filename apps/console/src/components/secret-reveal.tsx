import { CopyButton } from './copy-button';

/** A secret shown the one time the API returns it, with copy and a plain warning. */
export function SecretReveal({ secret, what }: { readonly secret: string; readonly what: string }) {
  return (
    <div className="secret">
      <p className="warning" role="note">
        Copy this {what} now: <strong>you will not see this again.</strong> keyledger keeps only a
        hash of it.
      </p>
      <label htmlFor="revealed-secret">Your {what}</label>
      <input id="revealed-secret" className="mono" readOnly value={secret} data-testid="secret" />
      <CopyButton value={secret} label={`Copy ${what}`} />
    </div>
  );
}
