import { DynamicModule, Global, Module } from '@nestjs/common';
import { ProjectionRunner } from '@keyledger/read-models';
import { MetricsHttpController } from './metrics.http.controller';
import { ServiceMetrics } from './service-metrics';

/** Prometheus metrics: always counted, served at `/metrics` unless METRICS=off. */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(served: boolean): DynamicModule {
    return {
      module: MetricsModule,
      controllers: served ? [MetricsHttpController] : [],
      providers: [
        {
          provide: ServiceMetrics,
          inject: [ProjectionRunner],
          useFactory: (runner: ProjectionRunner) => new ServiceMetrics(runner),
        },
      ],
      exports: [ServiceMetrics],
    };
  }
}
