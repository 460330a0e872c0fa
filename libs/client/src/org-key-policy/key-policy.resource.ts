import { ApiResponse, unwrap } from '../core/api-response';
import { operation } from '../core/operation';
import { ReadOptions, WriteOptions } from '../core/request-options';
import { Transport } from '../core/transport';
import {
  KEY_POLICY_FIELDS,
  KeyPolicy,
  SET_KEY_POLICY_FIELDS,
  SetKeyPolicyRequest,
} from './key-policy.types';

const PATH = '/api/v1/orgs/{org_id}/key-policy';

/** The routes of an org's key policy. */
export const KEY_POLICY_OPERATIONS = {
  get: operation('GET', PATH, { response: KEY_POLICY_FIELDS }),
  set: operation('PUT', PATH, { body: SET_KEY_POLICY_FIELDS, response: KEY_POLICY_FIELDS }),
} as const;

type Envelope = { readonly data: KeyPolicy };

/** `client.keyPolicies`: the rules an org sets for its keys. */
export class KeyPolicyResource {
  constructor(private readonly transport: Transport) {}

  /** The org's policy (every rule off until set), with its `etag`; members only. */
  async get(orgId: string, options: ReadOptions = {}): Promise<ApiResponse<KeyPolicy>> {
    return unwrap(
      await this.transport.call<Envelope>(KEY_POLICY_OPERATIONS.get, {
        params: { org_id: orgId },
        options,
      }),
    );
  }

  /** Replaces the org's policy (needs manageApiKeys there). */
  async set(
    orgId: string,
    body: SetKeyPolicyRequest,
    options: WriteOptions = {},
  ): Promise<ApiResponse<KeyPolicy>> {
    return unwrap(
      await this.transport.call<Envelope>(KEY_POLICY_OPERATIONS.set, {
        params: { org_id: orgId },
        body,
        options,
      }),
    );
  }
}
