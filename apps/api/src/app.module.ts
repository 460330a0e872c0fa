import { DynamicModule, Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AnalyticsModule } from './analytics/analytics.module';
import { AuditModule } from './audit/audit.module';
import { AuthGuard } from './auth/auth.guard';
import { JwtVerifier } from './auth/jwt-verifier';
import { RequestAuthenticator } from './auth/request-authenticator';
import { AppConfig } from '@keyledger/runtime';
import { HealthController } from './health/health.controller';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { KeysModule } from './keys/keys.module';
import { LeaksModule } from './leaks/leaks.module';
import { MetricsModule } from './metrics/metrics.module';
import { OpenRouterModule } from './openrouter/openrouter.module';
import { ReportsModule } from './reports/reports.module';
import { ResolutionModule } from './resolution/resolution.module';
import { RoutingPreferencesModule } from './routing-preferences/routing-preferences.module';
import { HttpDrainsFirst } from './shared/http/http-drains-first';
import { WebhooksModule } from './webhooks/webhooks.module';

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
        CqrsModule.forRoot(),
        InfrastructureModule.forRoot(config),
        KeysModule,
        LeaksModule,
        AuditModule,
        ReportsModule,
        AnalyticsModule,
        OpenRouterModule.forRoot(config.openRouterPrefix),
        RoutingPreferencesModule,
        WebhooksModule,
        ResolutionModule,
        MetricsModule.forRoot(config.metrics),
      ],
      controllers: [HealthController],
      providers: [
        { provide: JwtVerifier, useValue: new JwtVerifier(config.jwt) },
        RequestAuthenticator,
        { provide: APP_GUARD, useClass: AuthGuard },
        HttpDrainsFirst,
      ],
    };
  }
}
