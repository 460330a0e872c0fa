import { ComponentType, lazy, LazyExoticComponent } from 'react';

/** A page: a component without props (it reads what it needs from the route). */
type Page = ComponentType<Record<string, never>>;

/**
 * A page loaded on first use, from a module that exports it by name (React.lazy wants a default
 * export; the pages keep named ones, like every other module here).
 */
export function lazyPage<K extends string, M extends { readonly [P in K]: Page }>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<Page> {
  return lazy(async () => ({ default: (await load())[name] }));
}
