import { DynamicModule, Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { AuthGuard } from './auth/auth.guard';
import { JwtVerifier } from './auth/jwt-verifier';
import { AppConfig } from './config/app-config';
import { HealthController } from './health/health.controller';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { KeysModule } from './keys/keys.module';
import { MetricsModule } from './metrics/metrics.module';
import { OpenRouterModule } from './openrouter/openrouter.module';
import { ReportsModule } from './reports/reports.module';
import { ResolutionModule } from './resolution/resolution.module';
import { RoutingPreferencesModule } from './routing-preferences/routing-preferences.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/** Headers that carry credentials: never logged. */
const REDACTED = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    if (config.jwt.usesDevSecret) {
      new Logger('config').warn(
        'JWT_SECRET is not set: using the public development secret. Never do this in production.',
      );
    }
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: { paths: REDACTED, censor: '[redacted]' },
            // Query strings may carry cursors and ids but never secrets; bodies are never logged.
            serializers: {
              req: (req: { id: unknown; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: req.url,
              }),
            },
          },
        }),
        CqrsModule.forRoot(),
        InfrastructureModule.forRoot(config),
        KeysModule,
        AuditModule,
        ReportsModule,
        OpenRouterModule.forRoot(config.openRouterPrefix),
        RoutingPreferencesModule,
        WebhooksModule,
        ResolutionModule,
        MetricsModule.forRoot(config.metrics),
      ],
      controllers: [HealthController],
      providers: [
        { provide: JwtVerifier, useValue: new JwtVerifier(config.jwt) },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}
