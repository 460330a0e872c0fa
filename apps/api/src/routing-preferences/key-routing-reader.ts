import { Injectable } from '@nestjs/common';
import { Principal } from '@keyledger/domain';
import { KeyDirectory } from '../keys/key-directory';
import { KeyRouting } from './key-routing-view';
import { Versioned } from '../shared/writes/write-result';

/** Reads a visible key's routing with the key revision it shows, for a later `If-Match`. */
@Injectable()
export class KeyRoutingReader {
  constructor(private readonly keys: KeyDirectory) {}

  /** The view of the key's routing; 404 when the key is missing or invisible. */
  async read<T>(
    principal: Principal,
    idOrHash: string,
    view: (key: KeyRouting) => T,
  ): Promise<Versioned<T>> {
    const { document, revision } = await this.keys.findVisibleShown(principal, idOrHash);
    return { data: view(document), revision };
  }
}
