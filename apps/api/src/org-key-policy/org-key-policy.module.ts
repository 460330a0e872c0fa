import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { WritesModule } from '../shared/writes/writes.module';
import { SetKeyPolicyHandler } from './commands/set-key-policy/set-key-policy.handler';
import { SetKeyPolicyHttpController } from './commands/set-key-policy/set-key-policy.http.controller';
import { OrgKeyPolicies } from './org-key-policies';
import { GetKeyPolicyHandler } from './queries/get-key-policy/get-key-policy.handler';
import { GetKeyPolicyHttpController } from './queries/get-key-policy/get-key-policy.http.controller';

/** Org key policies (SPEC §9): `GET/PUT /api/v1/orgs/{org_id}/key-policy`. */
@Module({
  imports: [CqrsModule, WritesModule],
  controllers: [GetKeyPolicyHttpController, SetKeyPolicyHttpController],
  providers: [OrgKeyPolicies, GetKeyPolicyHandler, SetKeyPolicyHandler],
  exports: [OrgKeyPolicies],
})
export class OrgKeyPolicyModule {}
