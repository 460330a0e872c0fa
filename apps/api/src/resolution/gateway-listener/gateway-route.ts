import { IncomingHttpHeaders } from 'node:http';
import { Type } from '@nestjs/common';

/** One call the gateway listener answers itself, before Fastify sees the request. */
export interface GatewayRoute<Body = unknown> {
  /** Exact path, answered for POST (a query string is ignored, as Fastify's router does). */
  readonly path: string;
  /** The route's DTO: what a body that fails `isPlain` is validated against, for its refusal. */
  readonly dto: Type<unknown>;
  /** Whether a parsed body passes the DTO as it is; checked without reflection. */
  isPlain(value: unknown): value is Body;
  /** The answer for a valid body, or throws (or rejects with) the refusal (an ApiError, a DomainError). */
  answer(headers: IncomingHttpHeaders, body: Body): GatewayReply | Promise<GatewayReply>;
}

/** A route's answer and the response headers it adds (null: none). */
export interface GatewayReply {
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>> | null;
}
