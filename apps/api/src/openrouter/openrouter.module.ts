import { DynamicModule, Module } from '@nestjs/common';
import { RouterModule } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { CreateKeyOpenRouterController } from './commands/create-key/create-key.openrouter.controller';
import { DeleteKeyOpenRouterController } from './commands/delete-key/delete-key.openrouter.controller';
import { UpdateKeyOpenRouterController } from './commands/update-key/update-key.openrouter.controller';
import { GetCurrentKeyOpenRouterController } from './queries/get-current-key/get-current-key.openrouter.controller';
import { GetKeyOpenRouterController } from './queries/get-key/get-key.openrouter.controller';
import { ListKeysOpenRouterController } from './queries/list-keys/list-keys.openrouter.controller';

/**
 * OpenRouter-compatible key management (`/keys`, `/keys/{hash}`, `/key`), so OpenRouter clients
 * and SDKs can point at keyledger. A thin translation: every route sends the canonical API's
 * own commands and queries, so both surfaces see and change the same keys.
 */
@Module({})
export class OpenRouterModule {
  /** Mounts the routes below `prefix` (OPENROUTER_PREFIX, e.g. `/openrouter/api/v1`). */
  static forRoot(prefix: string): DynamicModule {
    return {
      module: OpenRouterModule,
      imports: [CqrsModule, RouterModule.register([{ path: prefix, module: OpenRouterModule }])],
      controllers: [
        ListKeysOpenRouterController,
        CreateKeyOpenRouterController,
        GetKeyOpenRouterController,
        UpdateKeyOpenRouterController,
        DeleteKeyOpenRouterController,
        GetCurrentKeyOpenRouterController,
      ],
    };
  }
}
