import { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../errors/api-error';

/** Deeper bodies are refused before parsing: validation recurses once per level. */
export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of objects and arrays in a JSON text, ignoring brackets inside strings. */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') deepest = Math.max(deepest, ++depth);
    else if (char === '}' || char === ']') depth--;
  }
  return deepest;
}

/** Parses a JSON body text, or throws the error its request is refused with. */
export type JsonBodyParser = (text: string) => unknown;

/**
 * Fastify's own JSON parser (prototype poisoning refused) behind a depth check: absurd nesting
 * is a 400 before parsing. One parser for Fastify's routes and the fast listener, so both
 * refuse a body alike.
 */
export function depthLimitedJsonParser(fastify: FastifyInstance): JsonBodyParser {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (text) => {
    if (jsonNestingDepth(text) > MAX_JSON_DEPTH) {
      throw new ApiError(
        400,
        'json_too_deep',
        `JSON bodies may nest at most ${MAX_JSON_DEPTH} levels.`,
      );
    }
    // Fastify's parser answers through a callback, synchronously (its typed return is unused).
    let parsed: { readonly error: Error | null; readonly value: unknown } | null = null;
    void parse({} as FastifyRequest, text, (error, value) => (parsed = { error, value }));
    if (parsed === null) throw new Error('the JSON parser did not answer synchronously');
    const { error, value } = parsed;
    if (error !== null) throw error;
    return value;
  };
}

/** Replaces Fastify's JSON parser with the depth-limited one. */
export function useDepthLimitedJson(fastify: FastifyInstance, parse: JsonBodyParser): void {
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (_request, body, done) => {
      try {
        done(null, parse(body as string));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
}
