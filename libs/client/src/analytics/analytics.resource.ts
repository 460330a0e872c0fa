import { ApiResponse, unwrap } from '../core/api-response';
import { operation } from '../core/operation';
import { ReadOptions } from '../core/request-options';
import { Transport } from '../core/transport';
import {
  ANALYTICS_POINT_FIELDS,
  AnalyticsPoint,
  KEY_ANALYTICS_QUERY_FIELDS,
  KeyAnalyticsQuery,
  ORG_ANALYTICS_QUERY_FIELDS,
  OrgAnalyticsQuery,
} from './analytics.types';

/** The routes of usage analytics. */
export const ANALYTICS_OPERATIONS = {
  ofKey: operation('GET', '/api/v1/keys/{id}/analytics', {
    query: KEY_ANALYTICS_QUERY_FIELDS,
    response: ANALYTICS_POINT_FIELDS,
  }),
  ofOrg: operation('GET', '/api/v1/analytics', {
    query: ORG_ANALYTICS_QUERY_FIELDS,
    response: ANALYTICS_POINT_FIELDS,
  }),
} as const;

type Envelope = { readonly data: readonly AnalyticsPoint[] };

/** `client.analytics`: usage over time, bucket by bucket (CSV: call the route with `format=csv`). */
export class AnalyticsResource {
  constructor(private readonly transport: Transport) {}

  /** A key's usage series: `analytics.ofKey(id, { granularity: 'day' })`. */
  async ofKey(
    idOrHash: string,
    query: Omit<KeyAnalyticsQuery, 'format'> = {},
    options: ReadOptions = {},
  ): Promise<ApiResponse<readonly AnalyticsPoint[]>> {
    return unwrap(
      await this.transport.call<Envelope>(ANALYTICS_OPERATIONS.ofKey, {
        params: { id: idOrHash },
        query,
        options,
      }),
    );
  }

  /** An org's usage series over the keys the caller's audit log covers there. */
  async ofOrg(
    query: Omit<OrgAnalyticsQuery, 'format'>,
    options: ReadOptions = {},
  ): Promise<ApiResponse<readonly AnalyticsPoint[]>> {
    return unwrap(
      await this.transport.call<Envelope>(ANALYTICS_OPERATIONS.ofOrg, { query, options }),
    );
  }
}
