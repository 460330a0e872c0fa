import { FieldErrors } from '../shared/validation';

/**
 * What a confirmed leak report does to the key: `disable` it (the default: reversible), `revoke`
 * it for good, or only `notify` (the event and its webhook).
 */
export const LEAKED_KEY_ACTIONS = ['disable', 'revoke', 'notify'] as const;
/** One of LEAKED_KEY_ACTIONS. */
export type LeakedKeyAction = (typeof LEAKED_KEY_ACTIONS)[number];

/** Who reported a leak: GitHub's secret scanning, or a management caller. */
export type LeakReporter = 'github_secret_scanning' | 'management_api';

/** Longest `source_url` kept. */
export const MAX_LEAK_SOURCE_URL = 2048;
/** Longest `source` kept (GitHub's are `content`, `commit`, `gist`, `npm`…). */
export const MAX_LEAK_SOURCE = 64;

/** Whether a value is one of LEAKED_KEY_ACTIONS. */
export const isLeakedKeyAction = (value: unknown): value is LeakedKeyAction =>
  (LEAKED_KEY_ACTIONS as readonly unknown[]).includes(value);

/** The URL where the secret was found, or null; records an error unless an http(s) URL. */
export function checkLeakSourceUrl(errors: FieldErrors, value: unknown): string | null {
  const url = errors.optionalText('source_url', value, MAX_LEAK_SOURCE_URL);
  if (url !== null && !/^https?:\/\/\S+$/i.test(url)) {
    errors.add('source_url', 'must be an http(s) URL');
  }
  return url;
}

/** The kind of place the secret was found in; records an error unless 1–64 characters. */
export const checkLeakSource = (errors: FieldErrors, value: unknown): string =>
  errors.text('source', value, 1, MAX_LEAK_SOURCE);

/** The reason a leak's disabling or revocation records in the audit trail (a long URL is cut). */
export function leakActionReason(reporter: LeakReporter, sourceUrl: string | null): string {
  const by =
    reporter === 'github_secret_scanning' ? 'GitHub secret scanning' : 'a management caller';
  const where = sourceUrl === null ? '' : `: ${sourceUrl.slice(0, 400)}`;
  return `Leak reported by ${by}${where}`;
}
