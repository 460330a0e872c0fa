import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { APP_CONFIG, AppConfig } from '@keyledger/runtime';
import { KeysModule } from '../keys/keys.module';
import { OrgKeyPolicyModule } from '../org-key-policy/org-key-policy.module';
import { WritesModule } from '../shared/writes/writes.module';
import { GithubPublicKeys } from './github-secret-scanning/github-public-keys';
import { ReportGithubLeaksHandler } from './github-secret-scanning/report-github-leaks.handler';
import { ReportGithubLeaksHttpController } from './github-secret-scanning/report-github-leaks.http.controller';
import { LeakResponder } from './leak-responder';
import { ReportLeakHandler } from './report-leak/report-leak.handler';
import { ReportLeakHttpController } from './report-leak/report-leak.http.controller';

/**
 * Leaked-key response: GitHub's secret-scanning partner endpoint and the management report
 * route, both acting through LeakResponder.
 */
@Module({
  imports: [CqrsModule, WritesModule, KeysModule, OrgKeyPolicyModule],
  controllers: [ReportGithubLeaksHttpController, ReportLeakHttpController],
  providers: [
    {
      provide: GithubPublicKeys,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new GithubPublicKeys(config.leaks.githubPublicKeysFile),
    },
    LeakResponder,
    ReportGithubLeaksHandler,
    ReportLeakHandler,
  ],
})
export class LeaksModule {}
