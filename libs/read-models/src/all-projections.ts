import { auditEntryProjection } from './audit/audit-entry.projection';
import { keyProjection } from './keys/key.projection';
import { defaultPreferenceProjection, routingPreferenceProjection } from './routing-preferences/routing-preference.projection';
import { Projection } from './runner/projection';
import { Document } from './store/read-store.port';

/** Every projection the service runs. */
export const ALL_PROJECTIONS: readonly Projection<Document>[] = [
  keyProjection,
  routingPreferenceProjection,
  defaultPreferenceProjection,
  auditEntryProjection,
] as readonly Projection<never>[] as readonly Projection<Document>[];
