import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { API_KEY_AUTHENTICATOR } from '../auth/api-key-authenticator';
import { CreateKeyHandler } from './commands/create-key/create-key.handler';
import { CreateKeyHttpController } from './commands/create-key/create-key.http.controller';
import { RevokeKeyHandler } from './commands/revoke-key/revoke-key.handler';
import { RevokeKeyHttpController } from './commands/revoke-key/revoke-key.http.controller';
import { KeyAuthenticator } from './key-authenticator';
import { KeyDirectory } from './key-directory';
import { KeyReader } from './key-reader';
import { GetKeyHandler } from './queries/get-key/get-key.handler';
import { GetKeyHttpController } from './queries/get-key/get-key.http.controller';
import { ListKeysHandler } from './queries/list-keys/list-keys.handler';
import { ListKeysHttpController } from './queries/list-keys/list-keys.http.controller';

/** API keys: create, list, get, revoke; and authentication of key callers. */
@Module({
  imports: [CqrsModule],
  controllers: [
    CreateKeyHttpController,
    ListKeysHttpController,
    GetKeyHttpController,
    RevokeKeyHttpController,
  ],
  providers: [
    KeyDirectory,
    KeyReader,
    KeyAuthenticator,
    { provide: API_KEY_AUTHENTICATOR, useExisting: KeyAuthenticator },
    CreateKeyHandler,
    RevokeKeyHandler,
    ListKeysHandler,
    GetKeyHandler,
  ],
  exports: [API_KEY_AUTHENTICATOR, KeyDirectory],
})
export class KeysModule {}
