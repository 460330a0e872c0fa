import { DynamicModule, Global, Module } from '@nestjs/common';
import { EventStore } from '@keyledger/event-store';
import { ProjectionRunner } from '@keyledger/read-models';
import { EVENT_STORE } from '../infrastructure/tokens';
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
          inject: [ProjectionRunner, EVENT_STORE],
          useFactory: (runner: ProjectionRunner, events: EventStore) =>
            new ServiceMetrics(runner, events),
        },
      ],
      exports: [ServiceMetrics],
    };
  }
}
