import { FastReply, PostRoute } from '../shared/http/fast-listener/fast-route';
import { isPlainRecordUsageBody } from './commands/record-usage/record-usage-body';
import { RecordUsageHandler } from './commands/record-usage/record-usage.handler';
import { RecordUsageRequestDto } from './commands/record-usage/record-usage.request.dto';
import { isPlainResolveBody } from './commands/resolve/resolve-body';
import { ResolveHandler, ResolveReply } from './commands/resolve/resolve.handler';
import { ResolveRequestDto } from './commands/resolve/resolve.request.dto';

const asFastReply = ({ answer, headers }: ResolveReply): FastReply => ({
  status: 200,
  payload: JSON.stringify(answer),
  headers,
});

/** The paths of the gateway's calls; their controllers serve the same ones (checked at start). */
export const RESOLVE_PATH = '/api/v1/resolve';
export const RECORD_USAGE_PATH = '/api/v1/usage';

/** `POST /api/v1/resolve` and `POST /api/v1/usage`, answered by their use cases' handlers. */
export function gatewayRoutes(
  resolve: ResolveHandler,
  recordUsage: RecordUsageHandler,
): PostRoute[] {
  const resolveRoute: PostRoute<Parameters<ResolveHandler['execute']>[1]> = {
    path: RESOLVE_PATH,
    dto: ResolveRequestDto,
    isPlain: isPlainResolveBody,
    answer: (headers, body) => {
      const reply = resolve.execute(headers, body);
      return reply instanceof Promise ? reply.then(asFastReply) : asFastReply(reply);
    },
  };
  const usageRoute: PostRoute<Parameters<RecordUsageHandler['execute']>[1]> = {
    path: RECORD_USAGE_PATH,
    dto: RecordUsageRequestDto,
    isPlain: isPlainRecordUsageBody,
    answer: (headers, body) => ({
      status: 200,
      payload: JSON.stringify(recordUsage.execute(headers, body)),
      headers: null,
    }),
  };
  return [resolveRoute, usageRoute] as PostRoute[];
}
