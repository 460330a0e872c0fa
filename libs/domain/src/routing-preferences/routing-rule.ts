/** One routing rule: requests whose prompt matches `pattern` go to `target_mode`. */
export interface RoutingRule {
  readonly pattern: string;
  readonly target_mode: string;
  readonly target_engine: string | null;
  /** Clamped to 0.5–0.99 when decided. */
  readonly confidence: number;
  readonly description: string | null;
}

export interface RoutingExample {
  readonly prompt: string;
  readonly expected_mode: string;
}

/** The routing content shared by preferences and key-first rules. */
export interface RoutingRules {
  readonly rules: readonly RoutingRule[];
  readonly examples: readonly RoutingExample[];
  readonly confidence_floor_overrides: Readonly<Record<string, number>>;
}
