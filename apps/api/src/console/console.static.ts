import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyInstance, FastifyReply } from 'fastify';
import { ConsoleOidcSettings, consoleSecurityHeaders } from './console-security-headers';

/** Where the built console is, and how it signs in. */
export interface ConsoleSettings {
  readonly dir: string;
  readonly oidc: ConsoleOidcSettings | null;
}

/** What `/console/config.json` tells the browser: how to sign in. */
export interface ConsoleConfigDocument {
  readonly oidc: {
    readonly issuer: string;
    readonly client_id: string;
    readonly scope: string;
  } | null;
}

// Vite names every asset by its content hash: a changed file is a new URL, so caches keep forever.
const IMMUTABLE = 'public, max-age=31536000, immutable';
// index.html names the current hashes: revalidated on every load so a deploy shows at once.
const REVALIDATE = 'no-cache';

/**
 * Serves the console at `/console`: its hashed assets, its index.html for every page (the router
 * runs in the browser) and its config. Registered as an encapsulated Fastify plugin, so its
 * Content-Security-Policy and headers apply to `/console` alone, whatever hooks the rest of the
 * API runs.
 */
export async function serveConsole(
  app: NestFastifyApplication,
  settings: ConsoleSettings,
): Promise<void> {
  await app.register(consolePlugin, settings);
}

async function consolePlugin(fastify: FastifyInstance, settings: ConsoleSettings): Promise<void> {
  const headers = consoleSecurityHeaders(settings.oidc);
  fastify.addHook('onSend', async (_request, reply) => {
    void reply.headers(headers);
  });
  const config: ConsoleConfigDocument = {
    oidc: settings.oidc && {
      issuer: settings.oidc.issuer,
      client_id: settings.oidc.clientId,
      scope: settings.oidc.scope,
    },
  };
  fastify.get('/console/config.json', async (_request, reply) => {
    void reply.header('cache-control', REVALIDATE);
    return config;
  });
  const root = resolve(settings.dir);
  const index = await readFile(join(root, 'index.html'), 'utf8').catch(() => null);
  const page = (_request: unknown, reply: FastifyReply) =>
    index === null
      ? reply
          .status(503)
          .header('cache-control', REVALIDATE)
          .type('text/plain; charset=utf-8')
          .send(`The console is not built in ${root}: run npm run build.`)
      : reply.header('cache-control', REVALIDATE).type('text/html; charset=utf-8').send(index);
  fastify.get('/console', (_request, reply) => reply.redirect('/console/', 301));
  fastify.get('/console/', page);
  fastify.get('/console/*', page);
  if (index === null) return;
  await fastify.register(fastifyStatic, {
    root: join(root, 'assets'),
    prefix: '/console/assets/',
    index: false,
    cacheControl: false,
    setHeaders: (reply) => void reply.header('cache-control', IMMUTABLE),
  });
}
