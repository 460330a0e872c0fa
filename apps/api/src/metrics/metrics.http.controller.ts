import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/auth.guard';
import { ServiceMetrics } from './service-metrics';

/** Prometheus scrape endpoint; leave it off the public network (METRICS=off disables it). */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsHttpController {
  constructor(private readonly metrics: ServiceMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.scrape();
  }
}
