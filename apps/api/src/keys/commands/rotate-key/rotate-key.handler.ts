import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { generateSecret, hashSecret, SecretGenerator, secretLabel } from '@keyledger/domain';
import { APP_CONFIG, AppConfig } from '@keyledger/runtime';
import { SECRET_GENERATOR } from '../../../infrastructure/tokens';
import { KeyWriteResult } from '../../key-reader';
import { CommandTarget } from '../../../shared/http/command-target';
import { KeyWriter } from '../../key-writer';

export class RotateKeyCommand {
  constructor(
    readonly target: CommandTarget,
    readonly gracePeriodSeconds: number,
  ) {}
}

/** The rotated key and its new secret, which is shown this once and stored nowhere. */
export interface RotatedKey extends KeyWriteResult {
  readonly secret: string;
}

/**
 * Gives the key a new secret. The old one stops at once, or when the grace period ends (key
 * authentication honours `previous_hash_valid_until`), so consumers can switch without downtime.
 */
@CommandHandler(RotateKeyCommand)
export class RotateKeyHandler implements ICommandHandler<RotateKeyCommand, RotatedKey> {
  constructor(
    private readonly writer: KeyWriter,
    @Inject(SECRET_GENERATOR) private readonly random: SecretGenerator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ target, gracePeriodSeconds }: RotateKeyCommand): Promise<RotatedKey> {
    const secret = generateSecret(this.config.keyPrefix, this.random, this.config.keyFormat);
    const hash = hashSecret(secret, this.config.keyHashPepper);
    const label = secretLabel(secret, this.config.keyPrefix);
    // A new secret under a max lifetime gets the latest expiry its policy allows, if it had none.
    const result = await this.writer.change(
      target,
      (now) => [{ type: 'RotateKey', hash, label, grace_period_seconds: gracePeriodSeconds, now }],
      { expiryNamed: false },
    );
    return { ...result, secret };
  }
}
