import { FastifyReply } from 'fastify';
import { KeyWriteResult } from '../keys/key-reader';
import { KeyView } from '../keys/key-view';
import { answerRead, answerSecret, answerWrite } from '../shared/http/answers';
import { Versioned } from '../shared/writes/write-result';
import { OpenRouterCurrentKey } from './openrouter-current-key';
import { liveKey, OpenRouterKey, toOpenRouterKey } from './openrouter-key';

/** OpenRouter's `{ data: Key }` envelope. */
export interface OpenRouterKeyEnvelope {
  /** null only with a 202: the write is stored, the read model did not show it in time. */
  readonly data: OpenRouterKey | null;
}

/** OpenRouter's create answer: the key and, this once, its secret. */
export interface OpenRouterCreatedKey extends OpenRouterKeyEnvelope {
  readonly key: string | null;
}

/** OpenRouter's `GET /keys` answer. */
export interface OpenRouterKeyList {
  readonly data: OpenRouterKey[];
}

/** OpenRouter's `DELETE /keys/{hash}` answer. */
export interface OpenRouterDeleted {
  readonly deleted: true;
}

/** OpenRouter's `GET /key` answer. */
export interface OpenRouterCurrentKeyEnvelope {
  readonly data: OpenRouterCurrentKey;
}

/** A key read, with its ETag as on the canonical API; a revoked key is 404 here. */
export function answerOpenRouterRead(
  reply: FastifyReply,
  versioned: Versioned<KeyView>,
): OpenRouterKeyEnvelope {
  return { data: toOpenRouterKey(liveKey(answerRead(reply, versioned))) };
}

/** A key command's answer: `ETag`, `X-Position`, and 202 exactly where the canonical API has it. */
export function answerOpenRouterWrite(
  reply: FastifyReply,
  result: KeyWriteResult,
): OpenRouterKeyEnvelope {
  const data = answerWrite(reply, result);
  return { data: data && toOpenRouterKey(data) };
}

/** As answerOpenRouterWrite, with the secret under OpenRouter's name for it, `key`. */
export function answerOpenRouterSecret(
  reply: FastifyReply,
  result: KeyWriteResult & { readonly secret: string | null },
): OpenRouterCreatedKey {
  const { data, secret } = answerSecret(reply, result);
  return { data: data && toOpenRouterKey(data), key: secret };
}
