import { Global, Injectable, Module, OnModuleDestroy } from '@nestjs/common';
import { ResolutionEngine } from '@keyledger/resolution';
import { GatewayHttpController } from './gateway.http.controller';
import { resolutionEngineProvider } from './resolution-engine.provider';

/** Flushes the usage counted so far before the stores close (they close on application shutdown). */
@Injectable()
class EngineLifecycle implements OnModuleDestroy {
  constructor(private readonly engine: ResolutionEngine) {}

  onModuleDestroy(): Promise<void> {
    return this.engine.close();
  }
}

/** Request-time resolution (SPEC §5): `POST /api/v1/resolve`, `POST /api/v1/usage`, and the engine key views read usage from. */
@Global()
@Module({
  controllers: [GatewayHttpController],
  providers: [resolutionEngineProvider, EngineLifecycle],
  exports: [ResolutionEngine],
})
export class ResolutionModule {}
