/** What a subscription update names: each field given replaces the current one. */
export interface UpdateWebhookInput {
  readonly url?: string;
  readonly event_types?: readonly string[];
  /** false pauses deliveries; true resumes them. */
  readonly enabled?: boolean;
}
