import { ApiTarget } from '../shared/http/command-target';

/** Documents the target of a `/api/v1/routing-preferences/:id` command. */
export const ApiPreferenceTarget = (): MethodDecorator =>
  ApiTarget({
    id: 'The routing preference id.',
    notFound: 'missing, deleted, or not visible to the caller.',
  });
