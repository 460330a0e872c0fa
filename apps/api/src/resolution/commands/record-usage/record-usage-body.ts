import { MAX_LIMIT, MAX_MODEL_NAME } from '@keyledger/domain';
import { isObjectWithOnly, isOptionalText } from '../../shared/plain-object';

/** The body of `POST /api/v1/usage` once validated (RecordUsageRequestDto's rules). */
export interface RecordUsageBody {
  readonly cost: number;
  readonly byok?: boolean;
  readonly model?: string;
}

const FIELDS = ['cost', 'byok', 'model'];

/**
 * Whether a parsed body passes RecordUsageRequestDto as it is, checked without reflection: the
 * fast listener's hot path. What fails here goes through the DTO for its exact refusal (or
 * for what this check is stricter about, such as explicit nulls).
 */
export function isPlainRecordUsageBody(value: unknown): value is RecordUsageBody {
  if (!isObjectWithOnly(value, FIELDS)) return false;
  const { cost, byok, model } = value;
  return (
    typeof cost === 'number' &&
    Number.isFinite(cost) &&
    cost >= 0 &&
    cost <= MAX_LIMIT &&
    (byok === undefined || typeof byok === 'boolean') &&
    isOptionalText(model, 1, MAX_MODEL_NAME)
  );
}
