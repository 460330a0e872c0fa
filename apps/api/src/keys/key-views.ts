import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@keyledger/domain';
import { KeyDocument } from '@keyledger/read-models';
import { ResolutionEngine } from '@keyledger/resolution';
import { CLOCK } from '../infrastructure/tokens';
import { KeyView, toKeyView } from './key-view';

/**
 * Public views of keys with their usage: the figures come from the resolution engine, which
 * counts every request this instance admitted (exact here, within a flush interval of other
 * instances) and is rebuilt from the usage events like any read model.
 */
@Injectable()
export class KeyViews {
  constructor(
    private readonly engine: ResolutionEngine,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The view of one key document now. */
  of(key: KeyDocument): KeyView {
    return toKeyView(key, this.engine.usage(key.id, this.clock.now()));
  }

  /** The views of key documents, all as of one instant (now). */
  allOf(keys: readonly KeyDocument[]): KeyView[] {
    const now = this.clock.now();
    return keys.map((key) => toKeyView(key, this.engine.usage(key.id, now)));
  }
}
