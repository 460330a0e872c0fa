import { resolveKeyOwnership } from '../keys/key-ownership';
import { Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { changedFields } from '../shared/same-data';
import { FieldErrors, validate } from '../shared/validation';
import {
  CreateWebhookSubscription,
  UpdateWebhookSubscription,
  WebhookSubscriptionCommand,
} from './webhook.commands';
import { WebhookSubscriptionCreated, WebhookSubscriptionEvent } from './webhook.events';
import {
  initialWebhookSubscriptionState,
  WebhookFacts,
  WebhookSubscriptionState,
} from './webhook.state';
import { checkWebhookEventTypes } from './webhook-event-types';
import { checkWebhookUrl } from './webhook-url';

/** The webhook subscription aggregate, one `webhook-<id>` stream per subscription. */
export const webhookSubscriptionDecider: Decider<
  WebhookSubscriptionCommand,
  WebhookSubscriptionEvent,
  WebhookSubscriptionState
> = {
  initialState: initialWebhookSubscriptionState,
  evolve: evolveSubscription,
  decide: decideSubscription,
};

function decideSubscription(
  command: WebhookSubscriptionCommand,
  state: WebhookSubscriptionState,
): WebhookSubscriptionEvent[] {
  if (command.type === 'CreateWebhookSubscription') {
    if (state.status !== 'absent') {
      throw new DomainError(
        'already_exists',
        'A webhook subscription with this id already exists.',
      );
    }
    return [create(command)];
  }
  // A deleted subscription answers like a missing one, as deleted preferences do.
  if (state.status !== 'live')
    throw new DomainError('not_found', 'Webhook subscription not found.');
  const { id: subscription_id, secret_version } = state.subscription;
  switch (command.type) {
    case 'UpdateWebhookSubscription':
      return update(command, state.subscription);
    case 'RotateWebhookSecret':
      return [
        {
          type: 'WebhookSecretRotated',
          data: { subscription_id, secret_version: secret_version + 1, rotated_at: command.now },
        },
      ];
    case 'DeleteWebhookSubscription':
      return [
        { type: 'WebhookSubscriptionDeleted', data: { subscription_id, deleted_at: command.now } },
      ];
  }
}

function create(command: CreateWebhookSubscription): WebhookSubscriptionCreated {
  const checked = validate((errors) => ({
    ...resolveKeyOwnership(errors, command),
    url: checkWebhookUrl(errors, command.url),
    event_types: checkWebhookEventTypes(errors, command.event_types),
  }));
  const { subscription_id, owner_user_id, now } = command;
  return {
    type: 'WebhookSubscriptionCreated',
    data: { subscription_id, owner_user_id, ...checked, secret_version: 1, created_at: now },
  };
}

function update(
  command: UpdateWebhookSubscription,
  subscription: WebhookFacts,
): WebhookSubscriptionEvent[] {
  const next = validate((errors) => ({
    ...(command.url === undefined ? {} : { url: checkWebhookUrl(errors, command.url) }),
    ...(command.event_types === undefined
      ? {}
      : { event_types: checkWebhookEventTypes(errors, command.event_types) }),
    ...(command.enabled === undefined ? {} : { enabled: checkEnabled(errors, command.enabled) }),
  }));
  const changes = changedFields(next, subscription);
  if (Object.keys(changes).length === 0) return [];
  return [
    {
      type: 'WebhookSubscriptionUpdated',
      data: { subscription_id: subscription.id, ...changes, updated_at: command.now },
    },
  ];
}

function checkEnabled(errors: FieldErrors, enabled: unknown): boolean {
  errors.flag('enabled', enabled);
  return enabled === true;
}

function evolveSubscription(
  state: WebhookSubscriptionState,
  event: WebhookSubscriptionEvent,
): WebhookSubscriptionState {
  if (event.type === 'WebhookSubscriptionCreated') {
    const { subscription_id, ...facts } = event.data;
    return {
      status: 'live',
      subscription: { ...facts, id: subscription_id, enabled: true, updated_at: facts.created_at },
    };
  }
  if (state.status !== 'live') return state;
  const current = state.subscription;
  switch (event.type) {
    case 'WebhookSubscriptionUpdated': {
      const {
        url = current.url,
        event_types = current.event_types,
        enabled = current.enabled,
        updated_at,
      } = event.data;
      return {
        status: 'live',
        subscription: { ...current, url, event_types, enabled, updated_at },
      };
    }
    case 'WebhookSecretRotated': {
      const { secret_version, rotated_at } = event.data;
      return {
        status: 'live',
        subscription: { ...current, secret_version, updated_at: rotated_at },
      };
    }
    case 'WebhookSubscriptionDeleted':
      return { status: 'deleted' };
    default:
      // Streams may hold types this version does not know (later versions): skip them.
      return state;
  }
}
