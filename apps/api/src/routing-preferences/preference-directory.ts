import { Inject, Injectable } from '@nestjs/common';
import {
  canManagePreference,
  canSeePreference,
  DefaultOwner,
  DomainError,
  PreferenceScope,
  Principal,
  routingPreferenceDecider,
  routingPreferenceStream,
} from '@keyledger/domain';
import {
  DEFAULT_PREFERENCE_DOCUMENTS,
  DefaultPreferenceDocument,
  defaultOwnerId,
  DocumentCollection,
  Positioned,
  ReadStore,
  ROUTING_PREFERENCE_DOCUMENTS,
  RoutingPreferenceDocument,
} from '@keyledger/read-models';
import { READ_STORE } from '../infrastructure/tokens';
import { streamsOf } from '../shared/writes/write-pipeline';

/** One 404 for missing, invisible and deleted preferences: none may reveal that the id exists. */
export const preferenceNotFound = (): DomainError =>
  new DomainError('not_found', 'Routing preference not found.');

/** The 403 for a caller who may not create or manage preferences of this scope. */
export const mayNotManage = (scope: PreferenceScope): DomainError =>
  new DomainError(
    'forbidden',
    scope === 'team'
      ? 'Team routing preferences need the manageRouting permission in the active organization (and the billing scope for API keys).'
      : 'Routing preferences need the billing scope when managed with an API key.',
  );

/** Where a preference's commands go: its stream, filed under its org (null: personal). */
export const preferenceStreamOf = streamsOf(routingPreferenceDecider, routingPreferenceStream);

/** Finds routing preferences and owners' defaults in the read models, as a principal may see them. */
@Injectable()
export class PreferenceDirectory {
  readonly preferences: DocumentCollection<RoutingPreferenceDocument>;
  private readonly defaults: DocumentCollection<DefaultPreferenceDocument>;

  constructor(@Inject(READ_STORE) store: ReadStore) {
    this.preferences = store.collection(ROUTING_PREFERENCE_DOCUMENTS);
    this.defaults = store.collection(DEFAULT_PREFERENCE_DOCUMENTS);
  }

  /**
   * The live preference if the principal may see it; otherwise the 404 a missing one gets.
   * `includeDeleted` lets a repeated DELETE find the preference whose cleanup it finishes.
   */
  async findVisible(
    principal: Principal,
    id: string,
    { includeDeleted = false } = {},
  ): Promise<RoutingPreferenceDocument> {
    return (await this.findVisibleShown(principal, id, { includeDeleted })).document;
  }

  /** As findVisible, with the position the document was last written at (see revisionShown). */
  async findVisibleShown(
    principal: Principal,
    id: string,
    { includeDeleted = false } = {},
  ): Promise<Positioned<RoutingPreferenceDocument>> {
    const shown = (await this.preferences.getPositioned([id])).get(id);
    const preference = shown?.document;
    if (
      !shown ||
      !preference ||
      (preference.deleted && !includeDeleted) ||
      !canSeePreference(principal, preference)
    )
      throw preferenceNotFound();
    return shown;
  }

  /** As `findVisible`, and 403 unless the principal may also manage it. */
  async findManageable(
    principal: Principal,
    id: string,
    options: { includeDeleted?: boolean } = {},
  ): Promise<RoutingPreferenceDocument> {
    const preference = await this.findVisible(principal, id, options);
    if (!canManagePreference(principal, preference)) throw mayNotManage(preference.scope);
    return preference;
  }

  /** The owner's current default preference document (even if disabled or deleted), or null. */
  async defaultOf(owner: DefaultOwner): Promise<RoutingPreferenceDocument | null> {
    const current = await this.defaults.get(defaultOwnerId(owner));
    return current?.preference_id ? this.preferences.get(current.preference_id) : null;
  }
}
