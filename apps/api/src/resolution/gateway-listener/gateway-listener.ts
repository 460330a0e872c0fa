import { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Logger, ValidationPipe } from '@nestjs/common';
import { errorCodes } from 'fastify';
import { toErrorResponse } from '../../shared/errors/error-response';
import { ErrorShapeFor } from '../../shared/errors/error-shape';
import { JsonBodyParser } from '../../shared/http/json-body';
import { requestIdOf } from '../../shared/http/request-id';
import { SECURITY_HEADERS } from '../../shared/http/security-headers';
import { AccessLog } from '../../shared/logging/access-log';
import { GatewayReply, GatewayRoute } from './gateway-route';

const JSON_TYPE = 'application/json; charset=utf-8';
/** The content types the listener parses itself; any other goes to Fastify, which knows them all. */
const JSON_TYPES = new Set(['application/json', 'application/json; charset=utf-8']);
const SECURITY = Object.entries(SECURITY_HEADERS).flat();
const NO_HEADERS: readonly string[] = [];

/** One request the listener took, from its arrival to its answer. */
interface Exchange {
  readonly route: GatewayRoute;
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly started: number;
  readonly requestId: string;
}

/** What the listener needs besides its routes. */
export interface GatewayListenerOptions {
  readonly bodyLimit: number;
  readonly parseJson: JsonBodyParser;
  readonly validation: ValidationPipe;
  readonly errorShape: ErrorShapeFor;
  readonly accessLog: AccessLog;
}

/**
 * The gateway's two calls on `node:http` itself, in front of Fastify on the same server and
 * port. They run on every inference request, and Fastify's request pipeline alone costs more
 * than the whole call (see README, Benchmarks). Only the usual request is taken: POST to the
 * exact path, a JSON (or no) body with a length within the limit, no transfer coding. Anything
 * else goes to Fastify's route for the same call, which answers it as it always did.
 *
 * Answers match that route's: body and JSON depth limits, the same parser, the DTO's field
 * errors (valid bodies are checked without reflection; invalid ones go through the DTO for the
 * exact refusal), SPEC §7 errors with X-Error-Code, the security headers, X-Request-Id, and one
 * access-log line.
 */
export class GatewayListener {
  private routes = new Map<string, GatewayRoute>();
  private readonly logger = new Logger('errors');

  constructor(private readonly options: GatewayListenerOptions) {}

  /** Starts answering these routes (until then every request goes to Fastify). */
  serve(routes: readonly GatewayRoute[]): void {
    this.routes = new Map(routes.map((route) => [route.path, route]));
  }

  /** Answers the request if it is one of the gateway's calls in its usual form; false otherwise. */
  take(request: IncomingMessage, response: ServerResponse): boolean {
    const route = this.routeFor(request);
    if (route === undefined) return false;
    const exchange: Exchange = {
      route,
      request,
      response,
      started: performance.now(),
      requestId: requestIdOf(request.headers['x-request-id']),
    };
    if (request.headers['content-type'] === undefined) {
      this.answer(exchange, undefined);
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
      if (received === declared) this.answer(exchange, text);
      else this.refuse(exchange, new errorCodes.FST_ERR_CTP_INVALID_CONTENT_LENGTH());
    });
    request.on('error', () => response.destroy());
    return true;
  }

  /** The route for a request the listener can take whole, judged on its headers alone. */
  private routeFor(request: IncomingMessage): GatewayRoute | undefined {
    if (request.method !== 'POST') return undefined;
    const url = request.url ?? '';
    const query = url.indexOf('?');
    const route = this.routes.get(query === -1 ? url : url.slice(0, query));
    if (route === undefined) return undefined;
    const { headers } = request;
    if (headers['transfer-encoding'] !== undefined) return undefined;
    const length = headers['content-length'];
    const type = headers['content-type'];
    if (type === undefined) return length === undefined || length === '0' ? route : undefined;
    if (!JSON_TYPES.has(type)) return undefined;
    return length !== undefined && Number(length) <= this.options.bodyLimit ? route : undefined;
  }

  private answer(exchange: Exchange, text: string | undefined): void {
    try {
      const body = text === undefined ? undefined : this.options.parseJson(text);
      if (exchange.route.isPlain(body)) {
        this.admit(exchange, body);
        return;
      }
      // Off the hot path: the DTO decides, so a refusal lists exactly the fields it always did.
      this.options.validation.transform(body, { type: 'body', metatype: exchange.route.dto }).then(
        (validated: unknown) => this.admit(exchange, validated),
        (error: unknown) => this.refuse(exchange, error),
      );
    } catch (error) {
      this.refuse(exchange, error);
    }
  }

  /** Answers a valid body (the route may still refuse it: an unknown key, a spent limit). */
  private admit(exchange: Exchange, body: unknown): void {
    let reply: GatewayReply | Promise<GatewayReply>;
    try {
      reply = exchange.route.answer(exchange.request.headers, body);
    } catch (error) {
      this.refuse(exchange, error);
      return;
    }
    // A promise only when a shared rate limit had to be asked (Redis).
    if (reply instanceof Promise) {
      reply.then(
        (settled) => this.succeed(exchange, settled),
        (error: unknown) => this.refuse(exchange, error),
      );
    } else this.succeed(exchange, reply);
  }

  private succeed(exchange: Exchange, { body, headers }: GatewayReply): void {
    this.send(
      exchange,
      200,
      body,
      headers === null ? NO_HEADERS : Object.entries(headers).flat(),
      null,
    );
  }

  private refuse(exchange: Exchange, error: unknown): void {
    const shaped = this.options.errorShape(exchange.request.url ?? '')(
      toErrorResponse(error, exchange.requestId),
    );
    if (shaped.status >= 500) {
      this.logger.error({ err: error, request_id: exchange.requestId }, 'request failed');
    }
    const headers = Object.entries(shaped.headers).flat();
    this.send(
      exchange,
      shaped.status,
      shaped.body,
      headers,
      shaped.headers['X-Error-Code'] ?? null,
    );
  }

  private send(
    { route, response, started, requestId }: Exchange,
    status: number,
    body: unknown,
    headers: readonly string[],
    errorCode: string | null,
  ): void {
    const payload = JSON.stringify(body);
    response.writeHead(status, [
      ...SECURITY,
      ...headers,
      'content-type',
      JSON_TYPE,
      'x-request-id',
      requestId,
      'content-length',
      String(Buffer.byteLength(payload)),
    ]);
    response.end(payload);
    const ms = performance.now() - started;
    this.options.accessLog.record('POST', route.path, status, ms, requestId, errorCode);
  }
}
