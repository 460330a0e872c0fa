import { MAX_LIMIT } from '../keys/key-limit';
import { FieldErrors } from '../shared/validation';

/** Longest model name a usage report may carry. */
export const MAX_MODEL_NAME = 256;

/** The cost of one request, as the gateway reports it after the request. */
export interface UsageReport {
  /** Credits, from 0 to MAX_LIMIT. */
  readonly cost: number;
  /** Billed to the customer's own provider key. */
  readonly byok: boolean;
  readonly model: string | null;
}

/** The report as given; records errors on `cost`, `byok` and `model` unless each is well formed. */
export function checkUsageReport(
  errors: FieldErrors,
  report: { readonly cost: unknown; readonly byok?: unknown; readonly model?: unknown },
): UsageReport {
  const { cost, byok = false, model = null } = report;
  if (typeof cost !== 'number' || !Number.isFinite(cost) || cost < 0 || cost > MAX_LIMIT) {
    errors.add('cost', `must be a number from 0 to ${MAX_LIMIT}`);
  }
  errors.flag('byok', byok);
  const modelName = model === null ? null : errors.text('model', model, 1, MAX_MODEL_NAME);
  return {
    cost: typeof cost === 'number' ? cost : 0,
    byok: byok === true,
    model: modelName,
  };
}
