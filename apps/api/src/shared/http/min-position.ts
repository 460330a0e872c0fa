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
 * A guard (after authentication) rather than an interceptor: Nest wraps every interceptor call
 * in rxjs and AsyncResource.bind, which every read paid even without the header.
 */
@Injectable()
export class MinPositionGuard implements CanActivate {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const position = parseMinPosition(request.headers[HEADER]);
    return position === null ? true : this.waitFor(position);
  }

  private async waitFor(position: number): Promise<boolean> {
    if (!(await this.runner.waitForPosition(position, this.config.readYourWritesTimeoutMs))) {
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
