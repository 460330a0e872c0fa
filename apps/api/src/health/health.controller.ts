import { Controller, Get } from '@nestjs/common';
import { Public } from '../auth/auth.guard';

/** Liveness for load balancers and the tests' start-up wait. */
@Controller('health')
export class HealthController {
  @Public()
  @Get()
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
