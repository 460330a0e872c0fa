import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { API_KEY_AUTHENTICATOR } from '../auth/api-key-authenticator';
import { CreateKeyHandler } from './commands/create-key/create-key.handler';
import { CreateKeyHttpController } from './commands/create-key/create-key.http.controller';
import { IdempotencyClaims } from './commands/create-key/idempotency-claims';
import { ImportKeysHandler } from './commands/import-keys/import-keys.handler';
import { ImportKeysHttpController } from './commands/import-keys/import-keys.http.controller';
import { ResetKeyLimitHandler } from './commands/reset-key-limit/reset-key-limit.handler';
import { ResetKeyLimitHttpController } from './commands/reset-key-limit/reset-key-limit.http.controller';
import { RevokeKeyHandler } from './commands/revoke-key/revoke-key.handler';
import { RevokeKeyHttpController } from './commands/revoke-key/revoke-key.http.controller';
import { RotateKeyHandler } from './commands/rotate-key/rotate-key.handler';
import { RotateKeyHttpController } from './commands/rotate-key/rotate-key.http.controller';
import { UpdateKeyHandler } from './commands/update-key/update-key.handler';
import { UpdateKeyHttpController } from './commands/update-key/update-key.http.controller';
import { KeyAuthenticator } from './key-authenticator';
import { KeyDirectory } from './key-directory';
import { KeyReader } from './key-reader';
import { KeyViews } from './key-views';
import { KeyWriter } from './key-writer';
import { OrgKeyPolicyModule } from '../org-key-policy/org-key-policy.module';
import { GetCallingKeyHandler } from './queries/get-calling-key/get-calling-key.handler';
import { GetCallingKeyHttpController } from './queries/get-calling-key/get-calling-key.http.controller';
import { GetKeyHandler } from './queries/get-key/get-key.handler';
import { GetKeyHttpController } from './queries/get-key/get-key.http.controller';
import { KeyPageBody } from './queries/list-keys/key-page-body';
import { ListKeyDocumentsHandler, ListKeysHandler } from './queries/list-keys/list-keys.handler';
import { ListKeysHttpController } from './queries/list-keys/list-keys.http.controller';
import { WritesModule } from '../shared/writes/writes.module';

/**
 * API keys: create (idempotent), list, get, introspect, update, rotate, reset the limit, revoke;
 * and authentication of key callers.
 */
@Module({
  imports: [CqrsModule, WritesModule, OrgKeyPolicyModule],
  controllers: [
    CreateKeyHttpController,
    ImportKeysHttpController,
    ListKeysHttpController,
    GetKeyHttpController,
    GetCallingKeyHttpController,
    UpdateKeyHttpController,
    RotateKeyHttpController,
    ResetKeyLimitHttpController,
    RevokeKeyHttpController,
  ],
  providers: [
    KeyDirectory,
    KeyReader,
    KeyViews,
    KeyWriter,
    KeyAuthenticator,
    { provide: API_KEY_AUTHENTICATOR, useExisting: KeyAuthenticator },
    IdempotencyClaims,
    CreateKeyHandler,
    ImportKeysHandler,
    UpdateKeyHandler,
    RotateKeyHandler,
    ResetKeyLimitHandler,
    RevokeKeyHandler,
    ListKeyDocumentsHandler,
    ListKeysHandler,
    KeyPageBody,
    GetKeyHandler,
    GetCallingKeyHandler,
  ],
  exports: [API_KEY_AUTHENTICATOR, KeyDirectory, KeyReader, KeyViews],
})
export class KeysModule {}
