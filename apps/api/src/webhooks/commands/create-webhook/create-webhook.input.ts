import { CreateKeyInput } from '../../../keys/commands/create-key/create-key.input';

/** What a subscription create names; whose it is (`scope`, `org_id`) follows a new key's rules. */
export interface CreateWebhookInput extends Pick<CreateKeyInput, 'scope' | 'org_id'> {
  readonly url: string;
  readonly event_types: readonly string[];
}
