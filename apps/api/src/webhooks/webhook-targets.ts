import { Inject, Injectable } from '@nestjs/common';
import { invalid } from '@keyledger/domain';
import { isIpAddress, OutboundAddressPolicy } from '@keyledger/network';
import { APP_CONFIG, AppConfig } from '@keyledger/runtime';

/**
 * Which endpoints a subscription may name (SSRF): public addresses, plus the blocks
 * WEBHOOK_ALLOW_PRIVATE_TARGETS allows. A literal address is refused when the subscription is
 * created or changed; a name is checked by the delivery worker for the address it resolves to.
 */
@Injectable()
export class WebhookTargets {
  /** The policy the delivery worker's sender connects by, too. */
  readonly policy: OutboundAddressPolicy;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.policy = new OutboundAddressPolicy(config.webhooks.allowedPrivateTargets);
  }

  /** 400 `validation_failed` on `url` when it names a refused address literally. */
  assertAllowed(url: unknown): void {
    if (typeof url !== 'string' || !URL.canParse(url)) return; // the decider names what is wrong
    const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
    const range = isIpAddress(host) ? this.policy.refusedRange(host) : null;
    if (range !== null) {
      throw invalid([
        {
          field: 'url',
          message: `must not target a ${range} address (private and internal networks are refused)`,
        },
      ]);
    }
  }
}
