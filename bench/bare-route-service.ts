/**
 * The service with one more route, for the HTTP benchmark's floor: `POST /bench/bare` takes the
 * same body as `POST /api/v1/resolve` through the same app (parser, guard, validation pipe,
 * logger, helmet) and answers a constant JSON without looking at it.
 */
import 'reflect-metadata';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { createApp } from '../apps/api/src/app.factory';
import { AppModule } from '../apps/api/src/app.module';
import { Public } from '../apps/api/src/auth/auth.guard';
import { loadConfig } from '../apps/api/src/config/app-config';
import { ResolveRequestDto } from '../apps/api/src/resolution/resolve.request.dto';

const CONSTANT = { data: { ok: true } };

@Public()
@Controller('bench')
class BareRouteController {
  @Post('bare')
  @HttpCode(200)
  bare(@Body() _body: ResolveRequestDto): typeof CONSTANT {
    return CONSTANT;
  }
}

@Module({ controllers: [BareRouteController] })
class BareRouteModule {}

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config, {
    module: BareRouteModule,
    imports: [AppModule.forRoot(config)],
  });
  await app.listen(config.port, config.host);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
