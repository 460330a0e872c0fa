import { Global, Injectable, Module, OnModuleDestroy } from '@nestjs/common';
import { ResolutionEngine } from '@keyledger/resolution';
import { RecordUsageHandler } from './commands/record-usage/record-usage.handler';
import { RecordUsageHttpController } from './commands/record-usage/record-usage.http.controller';
import { ResolveHandler } from './commands/resolve/resolve.handler';
import { ResolveHttpController } from './commands/resolve/resolve.http.controller';
import { resolutionEngineProvider } from './resolution-engine.provider';

/** Flushes the usage counted so far before the stores close (they close on application shutdown). */
@Injectable()
class EngineLifecycle implements OnModuleDestroy {
  constructor(private readonly engine: ResolutionEngine) {}

  onModuleDestroy(): Promise<void> {
    return this.engine.close();
  }
}

/**
 * Request-time resolution (SPEC §5): `POST /api/v1/resolve`, `POST /api/v1/usage` (whose
 * handlers the fast listener answers through as well), and the engine key views read usage from.
 */
@Global()
@Module({
  controllers: [ResolveHttpController, RecordUsageHttpController],
  providers: [resolutionEngineProvider, EngineLifecycle, ResolveHandler, RecordUsageHandler],
  exports: [ResolutionEngine, ResolveHandler, RecordUsageHandler],
})
export class ResolutionModule {}
