import { Injectable } from '@nestjs/common';
import { keyStream, Principal } from '@keyledger/domain';
import { KeyDirectory } from '../keys/key-directory';
import { KeyRouting } from './key-routing-view';
import { StreamRevision, Versioned } from './stream-revision';

/** Reads a visible key's routing with the key's revision, for a later `If-Match`. */
@Injectable()
export class KeyRoutingReader {
  constructor(
    private readonly keys: KeyDirectory,
    private readonly revisions: StreamRevision,
  ) {}

  /** The view of the key's routing; 404 when the key is missing or invisible. */
  async read<T>(
    principal: Principal,
    idOrHash: string,
    view: (key: KeyRouting) => T,
  ): Promise<Versioned<T>> {
    const key = await this.keys.findVisible(principal, idOrHash);
    return { data: view(key), revision: await this.revisions.of(keyStream(key.id)) };
  }
}
