/**
 * `@keyledger/client`: a typed client for keyledger's management API.
 *
 * The types are hand-written rather than generated from `/openapi.json`: the document is built
 * from class-validator DTOs and declares no response schemas, so a generator would yield loose
 * request types and untyped answers, and would add a build step and a dependency to a library
 * meant to have none. Instead each type has a compiler-checked field list (FieldList), and
 * test/client holds every operation's method, path, body and query fields against the live
 * document and the response field lists against live answers.
 */
export * from './core/api-response';
export * from './core/auth';
export * from './core/field-list';
export * from './core/keyledger-api-error';
export * from './core/operation';
export * from './core/pagination';
export * from './core/query-string';
export * from './core/request-options';
export * from './core/transport';
export * from './keys/key.types';
export * from './keys/key-import.types';
export * from './keys/keys.resource';
export * from './keys/calling-key.resource';
export * from './routing-preferences/routing-preference.types';
export * from './routing-preferences/key-routing.types';
export * from './routing-preferences/routing-preferences.resource';
export * from './routing-preferences/key-routing-preference.resource';
export * from './routing-preferences/key-routing-rules.resource';
export * from './routing-preferences/effective-routing.resource';
export * from './reports/report.types';
export * from './reports/reports.resource';
export * from './webhooks/webhook.types';
export * from './webhooks/webhooks.resource';
export * from './audit';
export * from './org-key-policy/key-policy.types';
export * from './org-key-policy/key-policy.resource';
export * from './analytics/analytics.types';
export * from './analytics/analytics.resource';
export * from './keyledger-client';
export * from './operations';
