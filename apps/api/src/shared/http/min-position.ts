import { IncomingHttpHeaders } from 'node:http';
import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  UseGuards,
} from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { ProjectionRunner } from '@keyledger/read-models';
import { APP_CONFIG, AppConfig } from '@keyledger/runtime';
import { ApiError } from '../errors/api-error';

const HEADER = 'x-min-position';

/**
 * Holds a read until the read models include the global position in `X-Min-Position` (the
 * `X-Position` a write answered with), so a client reads its own writes (SPEC §8). The wait is
 * bounded by READ_YOUR_WRITES_TIMEOUT_MS; past it the read is refused rather than served stale.
 * Used by MinPositionGuard on Fastify and by the fast listener's reads.
 */
export class MinPositionWait {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly timeoutMs: number,
  ) {}

  /** True at once without the header; else once the position is reached (or the refusal). */
  until(headers: IncomingHttpHeaders): true | Promise<true> {
    const position = parseMinPosition(headers[HEADER]);
    return position === null ? true : this.waitFor(position);
  }

  private async waitFor(position: number): Promise<true> {
    if (!(await this.runner.waitForPosition(position, this.timeoutMs))) {
      throw new ApiError(
        503,
        'read_model_lagging',
        `The read models have not reached position ${position} yet; retry shortly.`,
        [],
        { 'Retry-After': '1' },
      );
    }
    return true;
  }
}

/**
 * MinPositionWait on a read route, after authentication. A guard rather than an interceptor:
 * Nest wraps every interceptor call in rxjs and AsyncResource.bind, which every read paid even
 * without the header.
 */
@Injectable()
export class MinPositionGuard implements CanActivate {
  private readonly wait: MinPositionWait;

  constructor(runner: ProjectionRunner, @Inject(APP_CONFIG) config: AppConfig) {
    this.wait = new MinPositionWait(runner, config.readYourWritesTimeoutMs);
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    return this.wait.until(context.switchToHttp().getRequest<FastifyRequest>().headers);
  }
}

/** Lets a read route wait for `X-Min-Position`, and documents the header and the 503. */
export const WaitsForMinPosition = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    UseGuards(MinPositionGuard),
    ApiHeader({
      name: 'X-Min-Position',
      required: false,
      description: 'Wait (bounded) until the read models include this global position.',
    }),
    ApiResponse({ status: 503, description: '`read_model_lagging`, with `Retry-After: 1`.' }),
  );

/** The position a header names; null when absent. */
function parseMinPosition(header: string | string[] | undefined): number | null {
  if (header === undefined) return null;
  if (typeof header === 'string' && /^\s*\d{1,15}\s*$/.test(header)) return Number(header);
  throw new ApiError(
    400,
    'invalid_min_position',
    'X-Min-Position must be a position this API returned in X-Position, such as 42.',
    [{ field: 'X-Min-Position', message: 'must be a non-negative integer' }],
  );
}
