import { AnalyticsResource } from './analytics/analytics.resource';
import { AuditResource } from './audit/audit.resource';
import { Transport, TransportConfig } from './core/transport';
import { CallingKeyResource } from './keys/calling-key.resource';
import { KeysResource } from './keys/keys.resource';
import { ReportsResource } from './reports/reports.resource';
import { KeyPolicyResource } from './org-key-policy/key-policy.resource';
import { RoutingPreferencesResource } from './routing-preferences/routing-preferences.resource';
import { WebhooksResource } from './webhooks/webhooks.resource';

/** How to reach the service: `{ baseUrl, auth: { bearer } | { apiKey }, fetch? }`. */
export type KeyledgerClientOptions = TransportConfig;

/**
 * A typed client for keyledger's management API, with no dependency but the global `fetch`.
 * Every call resolves to `{ data, status, etag, revision, position, headers }` or rejects with
 * a KeyledgerApiError. A new resource is one file (its operations and a class over Transport)
 * plus one field here and one line in operations.ts.
 */
export class KeyledgerClient {
  /** `/api/v1/keys`: API keys and their routing. */
  readonly keys: KeysResource;
  /** `/api/v1/key`: the calling API key. */
  readonly key: CallingKeyResource;
  /** `/api/v1/routing-preferences`. */
  readonly routingPreferences: RoutingPreferencesResource;
  /** `/api/v1/audit`: the audit log and its export. */
  readonly audit: AuditResource;
  /** `/api/v1/reports`: governance reports. */
  readonly reports: ReportsResource;
  /** `/api/v1/webhooks`: subscriptions and their delivery logs. */
  readonly webhooks: WebhooksResource;
  /** `/api/v1/orgs/{org_id}/key-policy`. */
  readonly keyPolicies: KeyPolicyResource;
  /** `/api/v1/keys/{id}/analytics` and `/api/v1/analytics`: usage over time. */
  readonly analytics: AnalyticsResource;

  constructor(options: KeyledgerClientOptions) {
    const transport = new Transport(options);
    this.keys = new KeysResource(transport);
    this.key = new CallingKeyResource(transport);
    this.routingPreferences = new RoutingPreferencesResource(transport);
    this.audit = new AuditResource(transport);
    this.reports = new ReportsResource(transport);
    this.webhooks = new WebhooksResource(transport);
    this.keyPolicies = new KeyPolicyResource(transport);
    this.analytics = new AnalyticsResource(transport);
  }
}
