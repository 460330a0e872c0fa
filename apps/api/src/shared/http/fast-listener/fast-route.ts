import { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { Type } from '@nestjs/common';

/**
 * A route's answer: its status, its JSON (text, or UTF-8 bytes) and the response headers it adds
 * (null: none). Refusals are thrown (or rejected with) instead: an ApiError, a DomainError.
 */
export interface FastReply {
  readonly status: number;
  readonly payload: string | Buffer;
  readonly headers: Readonly<Record<string, string>> | null;
}

/** One POST call the fast listener answers itself, before Fastify sees the request. */
export interface PostRoute<Body = unknown> {
  /** Exact path (a query string is ignored, as Fastify's router does). */
  readonly path: string;
  /** The route's DTO: what a body that fails `isPlain` is validated against, for its refusal. */
  readonly dto: Type<unknown>;
  /** Whether a parsed body passes the DTO as it is; checked without reflection. */
  isPlain(value: unknown): value is Body;
  /** The answer for a valid body (a promise only when it has to wait for something). */
  answer(headers: IncomingHttpHeaders, body: Body): FastReply | Promise<FastReply>;
}

/** One GET route the fast listener answers itself, chosen by the path (a query is ignored). */
export interface GetRoute {
  /** The route's pattern as Fastify has it (`/api/v1/keys/:id`): checked at start, and logged. */
  readonly pattern: string;
  /** The path's parameter ('' when the pattern has none) if the route takes this path. */
  match(path: string): string | undefined;
  /** The answer (a promise only when it has to wait for something). */
  answer(request: IncomingMessage, parameter: string): FastReply | Promise<FastReply>;
}

/** What the fast listener answers: every other request goes to Fastify. */
export interface FastRoutes {
  readonly post: readonly PostRoute[];
  readonly get: readonly GetRoute[];
}
