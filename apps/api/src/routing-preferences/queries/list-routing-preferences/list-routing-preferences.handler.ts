import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { invalid, Principal } from '@keyledger/domain';
import { InvalidCursorError, RoutingPreferenceDocument, Where } from '@keyledger/read-models';
import { visibleAudiences } from '../../../keys/key-visibility';
import { PreferenceDirectory } from '../../preference-directory';
import { PreferenceView, toPreferenceView } from '../../preference-view';
import { ListRoutingPreferencesInput } from './list-routing-preferences.input';

export class ListRoutingPreferencesQuery {
  constructor(
    readonly principal: Principal,
    readonly filters: ListRoutingPreferencesInput,
  ) {}
}

/** One page of preferences. */
export interface PreferencePage {
  readonly data: PreferenceView[];
  readonly next_cursor: string | null;
}

const DEFAULT_PAGE_SIZE = 50;

/**
 * The preferences the caller can see, newest first. `canSeePreference` and `canSeeKey` grant the
 * same audiences (the caller's own, and the orgs it acts in), so one indexed `in` query serves.
 */
@QueryHandler(ListRoutingPreferencesQuery)
export class ListRoutingPreferencesHandler implements IQueryHandler<
  ListRoutingPreferencesQuery,
  PreferencePage
> {
  constructor(private readonly directory: PreferenceDirectory) {}

  async execute({ principal, filters }: ListRoutingPreferencesQuery): Promise<PreferencePage> {
    const where: Where<RoutingPreferenceDocument> = {
      audience: { in: visibleAudiences(principal) },
      deleted: false,
      ...(filters.scope && { scope: filters.scope }),
      ...(filters.is_default !== undefined && { is_default: filters.is_default }),
      ...(filters.enabled !== undefined && { enabled: filters.enabled }),
    };
    try {
      const page = await this.directory.preferences.find({
        where,
        sort: [{ field: 'created_at', direction: 'desc' }],
        limit: filters.limit ?? DEFAULT_PAGE_SIZE,
        cursor: filters.cursor,
      });
      return {
        data: page.items.map((preference) => toPreferenceView(preference, preference.is_default)),
        next_cursor: page.next_cursor,
      };
    } catch (error) {
      if (error instanceof InvalidCursorError)
        throw invalid([{ field: 'cursor', message: 'is not a cursor this API returned' }]);
      throw error;
    }
  }
}
