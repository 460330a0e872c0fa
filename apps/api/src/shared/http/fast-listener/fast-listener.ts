import { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Logger, ValidationPipe } from '@nestjs/common';
import { errorCodes } from 'fastify';
import { toErrorResponse } from '../../errors/error-response';
import { ErrorShapeFor } from '../../errors/error-shape';
import { JsonBodyParser } from '../json-body';
import { requestIdOf } from '../request-id';
import { SECURITY_HEADERS } from '../security-headers';
import { AccessLog } from '../../logging/access-log';
import { FastReply, FastRoutes, GetRoute, PostRoute } from './fast-route';

const JSON_TYPE = 'application/json; charset=utf-8';
/** The content types the listener parses itself; any other goes to Fastify, which knows them all. */
const JSON_TYPES = new Set(['application/json', 'application/json; charset=utf-8']);
const SECURITY = Object.entries(SECURITY_HEADERS).flat();
const NO_ROUTES: FastRoutes = { post: [], get: [] };

/** One request the listener took, from its arrival to its answer. */
interface Exchange {
  readonly method: string;
  /** The route as the access log names it: its path or pattern. */
  readonly route: string;
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly started: number;
  readonly requestId: string;
}

/** What the listener needs besides its routes. */
export interface FastListenerOptions {
  readonly bodyLimit: number;
  readonly parseJson: JsonBodyParser;
  readonly validation: ValidationPipe;
  readonly errorShape: ErrorShapeFor;
  readonly accessLog: AccessLog;
}

/**
 * The calls that run most often, answered on `node:http` itself, in front of Fastify on the same
 * server and port: the gateway's two calls (on every inference request), the health probe, a
 * key read and the key list. Fastify's and Nest's request pipeline alone cost more than each whole call (see
 * README, Benchmarks). Only the usual request is taken: the exact path, for POST a JSON (or no)
 * body with a length within the limit and no transfer coding, for GET no body at all. Anything
 * else goes to Fastify's route for the same call, which answers it as it always did; so does
 * everything once the service starts to close (Fastify then answers with `Connection: close`).
 *
 * Answers match that route's, as each route runs the same use case, authentication and checks:
 * body and JSON depth limits, the same parser, the DTO's field errors (valid bodies are checked
 * without reflection; invalid ones go through the DTO for the exact refusal), SPEC §7 errors with
 * X-Error-Code, the security headers, X-Request-Id, and one access-log line.
 */
export class FastListener {
  private routes = NO_ROUTES;
  private posts = new Map<string, PostRoute>();
  private readonly logger = new Logger('errors');

  constructor(private readonly options: FastListenerOptions) {}

  /** Starts answering these routes (until then every request goes to Fastify). */
  serve(routes: FastRoutes): void {
    this.routes = routes;
    this.posts = new Map(routes.post.map((route) => [route.path, route]));
  }

  /** Leaves every request from now on to Fastify (answers already taken still finish). */
  stop(): void {
    this.serve(NO_ROUTES);
  }

  /** Answers the request if it is one of the routes in its usual form; false otherwise. */
  take(request: IncomingMessage, response: ServerResponse): boolean {
    if (request.method === 'GET') return this.takeGet(request, response);
    if (request.method === 'POST') return this.takePost(request, response);
    return false;
  }

  private takeGet(request: IncomingMessage, response: ServerResponse): boolean {
    const { headers } = request;
    const length = headers['content-length'];
    if (headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')) {
      return false;
    }
    const path = pathOf(request);
    for (const route of this.routes.get) {
      const parameter = route.match(path);
      if (parameter !== undefined) {
        this.answerGet(this.exchange('GET', route.pattern, request, response), route, parameter);
        return true;
      }
    }
    return false;
  }

  private answerGet(exchange: Exchange, route: GetRoute, parameter: string): void {
    let reply: FastReply | Promise<FastReply>;
    try {
      reply = route.answer(exchange.request, parameter);
    } catch (error) {
      this.refuse(exchange, error);
      return;
    }
    this.settle(exchange, reply);
  }

  private takePost(request: IncomingMessage, response: ServerResponse): boolean {
    const route = this.postRouteFor(request);
    if (route === undefined) return false;
    const exchange = this.exchange('POST', route.path, request, response);
    if (request.headers['content-type'] === undefined) {
      this.answerPost(exchange, route, undefined);
      return true;
    }
    const declared = Number(request.headers['content-length']);
    let text = '';
    let received = 0;
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      received += Buffer.byteLength(chunk);
      text += chunk;
    });
    request.on('end', () => {
      // As Fastify: a body whose decoded length is not the declared one is refused.
      if (received === declared) this.answerPost(exchange, route, text);
      else this.refuse(exchange, new errorCodes.FST_ERR_CTP_INVALID_CONTENT_LENGTH());
    });
    request.on('error', () => response.destroy());
    return true;
  }

  /** The POST route for a request the listener can take whole, judged on its headers alone. */
  private postRouteFor(request: IncomingMessage): PostRoute | undefined {
    const route = this.posts.get(pathOf(request));
    if (route === undefined) return undefined;
    const { headers } = request;
    if (headers['transfer-encoding'] !== undefined) return undefined;
    const length = headers['content-length'];
    const type = headers['content-type'];
    if (type === undefined) return length === undefined || length === '0' ? route : undefined;
    if (!JSON_TYPES.has(type)) return undefined;
    return length !== undefined && Number(length) <= this.options.bodyLimit ? route : undefined;
  }

  private answerPost(exchange: Exchange, route: PostRoute, text: string | undefined): void {
    try {
      const body = text === undefined ? undefined : this.options.parseJson(text);
      if (route.isPlain(body)) {
        this.admit(exchange, route, body);
        return;
      }
      // Off the hot path: the DTO decides, so a refusal lists exactly the fields it always did.
      this.options.validation.transform(body, { type: 'body', metatype: route.dto }).then(
        (validated: unknown) => this.admit(exchange, route, validated),
        (error: unknown) => this.refuse(exchange, error),
      );
    } catch (error) {
      this.refuse(exchange, error);
    }
  }

  /** Answers a valid body (the route may still refuse it: an unknown key, a spent limit). */
  private admit(exchange: Exchange, route: PostRoute, body: unknown): void {
    let reply: FastReply | Promise<FastReply>;
    try {
      reply = route.answer(exchange.request.headers, body);
    } catch (error) {
      this.refuse(exchange, error);
      return;
    }
    this.settle(exchange, reply);
  }

  private settle(exchange: Exchange, reply: FastReply | Promise<FastReply>): void {
    if (reply instanceof Promise) {
      reply.then(
        (settled) => this.succeed(exchange, settled),
        (error: unknown) => this.refuse(exchange, error),
      );
    } else this.succeed(exchange, reply);
  }

  private exchange(
    method: string,
    route: string,
    request: IncomingMessage,
    response: ServerResponse,
  ): Exchange {
    const requestId = requestIdOf(request.headers['x-request-id']);
    return { method, route, request, response, started: performance.now(), requestId };
  }

  private succeed(exchange: Exchange, { status, payload, headers }: FastReply): void {
    this.send(exchange, status, payload, headers, null);
  }

  private refuse(exchange: Exchange, error: unknown): void {
    const shaped = this.options.errorShape(exchange.request.url ?? '')(
      toErrorResponse(error, exchange.requestId),
    );
    if (shaped.status >= 500) {
      this.logger.error({ err: error, request_id: exchange.requestId }, 'request failed');
    }
    this.send(
      exchange,
      shaped.status,
      JSON.stringify(shaped.body),
      shaped.headers,
      shaped.headers['X-Error-Code'] ?? null,
    );
  }

  private send(
    { method, route, response, started, requestId }: Exchange,
    status: number,
    payload: string | Buffer,
    headers: Readonly<Record<string, string>> | null,
    errorCode: string | null,
  ): void {
    const head = [...SECURITY];
    if (headers !== null) for (const name in headers) head.push(name, headers[name]);
    head.push(
      'content-type',
      JSON_TYPE,
      'x-request-id',
      requestId,
      'content-length',
      String(Buffer.byteLength(payload)),
    );
    response.writeHead(status, head);
    response.end(payload);
    const ms = performance.now() - started;
    this.options.accessLog.record(method, route, status, ms, requestId, errorCode);
  }
}

/** A request's path without its query string (Fastify's router ignores the query too). */
function pathOf(request: IncomingMessage): string {
  const url = request.url ?? '';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
