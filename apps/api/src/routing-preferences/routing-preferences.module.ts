import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { WritesModule } from '../shared/writes/writes.module';
import { KeysModule } from '../keys/keys.module';
import { BindKeyPreferenceHandler } from './commands/bind-key-preference/bind-key-preference.handler';
import { BindKeyPreferenceHttpController } from './commands/bind-key-preference/bind-key-preference.http.controller';
import { ClearKeyRoutingRulesHandler } from './commands/clear-key-routing-rules/clear-key-routing-rules.handler';
import { ClearKeyRoutingRulesHttpController } from './commands/clear-key-routing-rules/clear-key-routing-rules.http.controller';
import { CreateRoutingPreferenceHandler } from './commands/create-routing-preference/create-routing-preference.handler';
import { CreateRoutingPreferenceHttpController } from './commands/create-routing-preference/create-routing-preference.http.controller';
import { DeleteRoutingPreferenceHandler } from './commands/delete-routing-preference/delete-routing-preference.handler';
import { DeleteRoutingPreferenceHttpController } from './commands/delete-routing-preference/delete-routing-preference.http.controller';
import { SetKeyRoutingRulesHandler } from './commands/set-key-routing-rules/set-key-routing-rules.handler';
import { SetKeyRoutingRulesHttpController } from './commands/set-key-routing-rules/set-key-routing-rules.http.controller';
import { UpdateRoutingPreferenceHandler } from './commands/update-routing-preference/update-routing-preference.handler';
import { UpdateRoutingPreferenceHttpController } from './commands/update-routing-preference/update-routing-preference.http.controller';
import { DefaultPreferences } from './default-preferences';
import { KeyRoutingReader } from './key-routing-reader';
import { KeyRoutingWriter } from './key-routing-writer';
import { PreferenceDirectory } from './preference-directory';
import { PreferenceUnbinder } from './preference-unbinder';
import { GetEffectiveRoutingHandler } from './queries/get-effective-routing/get-effective-routing.handler';
import { GetEffectiveRoutingHttpController } from './queries/get-effective-routing/get-effective-routing.http.controller';
import { GetKeyPreferenceHandler } from './queries/get-key-preference/get-key-preference.handler';
import { GetKeyPreferenceHttpController } from './queries/get-key-preference/get-key-preference.http.controller';
import { GetKeyRoutingRulesHandler } from './queries/get-key-routing-rules/get-key-routing-rules.handler';
import { GetKeyRoutingRulesHttpController } from './queries/get-key-routing-rules/get-key-routing-rules.http.controller';
import { GetRoutingPreferenceHandler } from './queries/get-routing-preference/get-routing-preference.handler';
import { GetRoutingPreferenceHttpController } from './queries/get-routing-preference/get-routing-preference.http.controller';
import { ListRoutingPreferencesHandler } from './queries/list-routing-preferences/list-routing-preferences.handler';
import { ListRoutingPreferencesHttpController } from './queries/list-routing-preferences/list-routing-preferences.http.controller';

/** Routing preferences, owners' defaults, and each key's binding, own rules and effective routing. */
@Module({
  imports: [CqrsModule, WritesModule, KeysModule],
  controllers: [
    CreateRoutingPreferenceHttpController,
    ListRoutingPreferencesHttpController,
    GetRoutingPreferenceHttpController,
    UpdateRoutingPreferenceHttpController,
    DeleteRoutingPreferenceHttpController,
    GetKeyPreferenceHttpController,
    BindKeyPreferenceHttpController,
    GetKeyRoutingRulesHttpController,
    SetKeyRoutingRulesHttpController,
    ClearKeyRoutingRulesHttpController,
    GetEffectiveRoutingHttpController,
  ],
  providers: [
    PreferenceDirectory,
    DefaultPreferences,
    PreferenceUnbinder,
    KeyRoutingWriter,
    KeyRoutingReader,
    CreateRoutingPreferenceHandler,
    UpdateRoutingPreferenceHandler,
    DeleteRoutingPreferenceHandler,
    BindKeyPreferenceHandler,
    SetKeyRoutingRulesHandler,
    ClearKeyRoutingRulesHandler,
    ListRoutingPreferencesHandler,
    GetRoutingPreferenceHandler,
    GetKeyPreferenceHandler,
    GetKeyRoutingRulesHandler,
    GetEffectiveRoutingHandler,
  ],
})
export class RoutingPreferencesModule {}
