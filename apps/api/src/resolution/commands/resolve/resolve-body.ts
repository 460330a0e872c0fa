import { isIP } from 'node:net';
import { KEY_SCOPES, MAX_MODEL_NAME, MAX_RATE_LIMIT } from '@keyledger/domain';
import { isObjectWithOnly, isOptionalText } from '../../shared/plain-object';

/** The body of `POST /api/v1/resolve` once validated (ResolveRequestDto's rules). */
export interface ResolveBody {
  readonly model?: string;
  readonly scope?: string;
  readonly client_ip?: string;
  readonly rate_limit_cost?: number;
}

const FIELDS = ['model', 'scope', 'client_ip', 'rate_limit_cost'];
const SCOPES: readonly string[] = KEY_SCOPES;

/**
 * Whether a parsed body passes ResolveRequestDto as it is, checked without reflection: the
 * fast listener's hot path. What fails here goes through the DTO for its exact refusal (or
 * for what this check is stricter about, such as explicit nulls).
 */
export function isPlainResolveBody(value: unknown): value is ResolveBody | undefined {
  if (value === undefined) return true;
  if (!isObjectWithOnly(value, FIELDS)) return false;
  const { model, scope, client_ip, rate_limit_cost } = value;
  return (
    isOptionalText(model, 1, MAX_MODEL_NAME) &&
    (scope === undefined || (typeof scope === 'string' && SCOPES.includes(scope))) &&
    (client_ip === undefined || (typeof client_ip === 'string' && isIP(client_ip) !== 0)) &&
    (rate_limit_cost === undefined ||
      (Number.isInteger(rate_limit_cost) &&
        (rate_limit_cost as number) >= 0 &&
        (rate_limit_cost as number) <= MAX_RATE_LIMIT))
  );
}
