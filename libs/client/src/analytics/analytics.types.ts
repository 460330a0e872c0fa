import { FieldList } from '../core/field-list';

/** The width of an analytics bucket. */
export type AnalyticsGranularity = 'hour' | 'day';

/** One model's share of a bucket. */
export interface ModelAnalytics {
  readonly requests: number;
  readonly refused: Readonly<Record<string, number>>;
  readonly cost: number;
  readonly byok_cost: number;
}

/** One group's share of a bucket (`group_by`). */
export interface GroupAnalytics {
  readonly requests: number;
  readonly cost: number;
  readonly byok_cost: number;
}

/** One hour or day of usage; empty buckets are included. */
export interface AnalyticsPoint {
  readonly start: string;
  /** Resolutions admitted. */
  readonly requests: number;
  /** Resolutions refused, by refusal code. */
  readonly refused: Readonly<Record<string, number>>;
  readonly cost: number;
  readonly byok_cost: number;
  readonly models: Readonly<Record<string, ModelAnalytics>>;
  /** With `group_by` only. */
  readonly groups?: Readonly<Record<string, GroupAnalytics>>;
}

/** The fields of AnalyticsPoint, checked against live answers by test/client. */
export const ANALYTICS_POINT_FIELDS: FieldList<AnalyticsPoint> = {
  start: 'required',
  requests: 'required',
  refused: 'required',
  cost: 'required',
  byok_cost: 'required',
  models: 'required',
  groups: 'optional',
};

/** Query of `GET /api/v1/keys/{id}/analytics`. */
export type KeyAnalyticsQuery = {
  readonly from?: string;
  readonly to?: string;
  readonly granularity?: AnalyticsGranularity;
  readonly format?: 'json' | 'csv';
};

/** The fields of KeyAnalyticsQuery. */
export const KEY_ANALYTICS_QUERY_FIELDS: FieldList<KeyAnalyticsQuery> = {
  from: 'optional',
  to: 'optional',
  granularity: 'optional',
  format: 'optional',
};

/** Query of `GET /api/v1/analytics`. */
export type OrgAnalyticsQuery = KeyAnalyticsQuery & {
  readonly org_id: string;
  readonly group_by?: 'key' | 'model' | 'outcome';
};

/** The fields of OrgAnalyticsQuery. */
export const ORG_ANALYTICS_QUERY_FIELDS: FieldList<OrgAnalyticsQuery> = {
  ...KEY_ANALYTICS_QUERY_FIELDS,
  org_id: 'required',
  group_by: 'optional',
};
