import { auditEntriesRunnable } from './audit/audit-entries.runnable';
import { defaultPreferenceProjection } from './defaults/default-preference.projection';
import { keyProjection } from './keys/key.projection';
import { runnable, RunnableProjection } from './projection/runnable-projection';
import { routingPreferenceProjection } from './routing-preferences/routing-preference.projection';
import { webhookSubscriptionProjection } from './webhooks/webhook-subscription.projection';

/** Every read model the service keeps, ready for a ProjectionRunner: keys before the audit log, which reads their owners. */
export const ALL_PROJECTIONS: readonly RunnableProjection[] = [
  runnable(keyProjection),
  runnable(routingPreferenceProjection),
  runnable(defaultPreferenceProjection),
  auditEntriesRunnable,
  runnable(webhookSubscriptionProjection),
];
