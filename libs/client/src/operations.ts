import { ANALYTICS_OPERATIONS } from './analytics/analytics.resource';
import { AUDIT_OPERATIONS } from './audit/audit.resource';
import { Operation } from './core/operation';
import { CALLING_KEY_OPERATIONS } from './keys/calling-key.resource';
import { KEY_OPERATIONS } from './keys/keys.resource';
import { KEY_POLICY_OPERATIONS } from './org-key-policy/key-policy.resource';
import { EFFECTIVE_ROUTING_OPERATIONS } from './routing-preferences/effective-routing.resource';
import { KEY_ROUTING_PREFERENCE_OPERATIONS } from './routing-preferences/key-routing-preference.resource';
import { KEY_ROUTING_RULES_OPERATIONS } from './routing-preferences/key-routing-rules.resource';
import { REPORT_OPERATIONS } from './reports/reports.resource';
import { ROUTING_PREFERENCE_OPERATIONS } from './routing-preferences/routing-preferences.resource';
import { WEBHOOK_OPERATIONS } from './webhooks/webhooks.resource';

/** Each resource's operations by client method name, for checks against the OpenAPI document. */
export const CLIENT_OPERATIONS: Readonly<Record<string, Readonly<Record<string, Operation>>>> = {
  keys: KEY_OPERATIONS,
  key: CALLING_KEY_OPERATIONS,
  'keys.routingPreference': KEY_ROUTING_PREFERENCE_OPERATIONS,
  'keys.routingRules': KEY_ROUTING_RULES_OPERATIONS,
  'keys.effectiveRouting': EFFECTIVE_ROUTING_OPERATIONS,
  routingPreferences: ROUTING_PREFERENCE_OPERATIONS,
  audit: AUDIT_OPERATIONS,
  reports: REPORT_OPERATIONS,
  webhooks: WEBHOOK_OPERATIONS,
  keyPolicies: KEY_POLICY_OPERATIONS,
  analytics: ANALYTICS_OPERATIONS,
};

/** Every operation the client calls, named `resource.method`. */
export function clientOperations(): { readonly name: string; readonly operation: Operation }[] {
  return Object.entries(CLIENT_OPERATIONS).flatMap(([resource, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      name: `${resource}.${method}`,
      operation,
    })),
  );
}
