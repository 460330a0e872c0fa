import { ApiTarget } from '../shared/http/command-target';

/** Documents the `{id}` of a webhook route (with `If-Match` when it changes something). */
export const ApiWebhookTarget = ({ conditional }: { readonly conditional: boolean }) =>
  ApiTarget({
    id: 'The subscription id.',
    notFound: "missing, deleted, or not the caller's to manage.",
    conditional,
  });
