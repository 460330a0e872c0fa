/** One signed POST to a subscriber's endpoint. */
export interface WebhookRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The endpoint's answer; only the status matters (2xx is success). */
export interface WebhookResponse {
  readonly status: number;
}

/** Sends deliveries; a rejection (network error, timeout) counts as a failed attempt. */
export interface WebhookSender {
  send(request: WebhookRequest, signal: AbortSignal): Promise<WebhookResponse>;
}

/** How long an endpoint may take to answer before the attempt fails. */
export const DEFAULT_SEND_TIMEOUT_MS = 10_000;

/**
 * Real HTTP through Node's fetch. Redirects are not followed: a subscription names the endpoint
 * that receives its events, and a redirect could lead a signed delivery anywhere.
 */
export function fetchSender(timeoutMs: number = DEFAULT_SEND_TIMEOUT_MS): WebhookSender {
  return {
    async send({ url, headers, body }, signal) {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
      });
      // The body is never read; cancelling it frees the connection at once.
      await response.body?.cancel();
      return { status: response.status };
    },
  };
}
