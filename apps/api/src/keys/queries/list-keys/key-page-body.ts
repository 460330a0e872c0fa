import { Injectable } from '@nestjs/common';
import { KeyDocument, Page } from '@keyledger/read-models';
import { DocumentedSerializer, DocumentedSerializers } from '../../../openapi/openapi-serializers';
import { KeyView, USAGE_VIEW_FIELDS } from '../../key-view';
import { KeyViews } from '../../key-views';
import { KeyResponse } from '../../key.response';

const OPEN = Buffer.from('{"data":[');

/** The two halves of a key's JSON, each compiled from the `KeyResponse` component. */
interface KeySerializers {
  readonly document: DocumentedSerializer;
  readonly usage: DocumentedSerializer;
}

/**
 * A key page's JSON body (`KeyPageResponse`) as UTF-8 bytes. Of a key's view, the fields its
 * document decides are written once per document the read store shares (it freezes those and
 * replaces one on every write, at its new position) and kept beside it, so a page read again
 * writes only the usage figures, which change with every request. Bytes, not a string: a label
 * holds `…`, which made the page a two-byte string that Node measured, then encoded, per request.
 * Kept bytes hold only a view's fields, never a secret, and go with their document.
 */
@Injectable()
export class KeyPageBody {
  private readonly written = new WeakMap<KeyDocument, Buffer>();
  private serializers: KeySerializers | undefined;

  constructor(private readonly views: KeyViews) {}

  /** Compiles both halves from the document's serializers (the document is built from the app). */
  writeWith(serializers: DocumentedSerializers): void {
    this.serializers = {
      document: serializers.ofProperties(KeyResponse.name, (f) => !USAGE_VIEW_FIELDS.has(f)),
      usage: serializers.ofProperties(KeyResponse.name, (f) => USAGE_VIEW_FIELDS.has(f)),
    };
  }

  of(page: Page<KeyDocument>): Buffer {
    const { usage } = this.compiled();
    const views = this.views.allOf(page.items);
    // Each key: `{` and its usage fields, then `,` and its document fields with the closing `}`.
    const heads = views.map((view, i) => `${i === 0 ? '' : ','}${usage(view).slice(0, -1)}`);
    const tails = page.items.map((key, i) => this.documentFields(key, views[i]));
    const end = `],"next_cursor":${JSON.stringify(page.next_cursor)}}`;
    let length = OPEN.length + Buffer.byteLength(end);
    for (let i = 0; i < heads.length; i++) length += Buffer.byteLength(heads[i]) + tails[i].length;
    // One buffer written in place: no buffer per key, nor a concatenation of them.
    const body = Buffer.allocUnsafe(length);
    let at = OPEN.copy(body, 0);
    for (let i = 0; i < heads.length; i++) {
      at += body.write(heads[i], at);
      at += tails[i].copy(body, at);
    }
    body.write(end, at);
    return body;
  }

  /** `,"id":…}`: the document's fields after the usage ones, kept while the document is shared. */
  private documentFields(key: KeyDocument, view: KeyView): Buffer {
    let bytes = this.written.get(key);
    if (bytes === undefined) {
      const text = `,${this.compiled().document(view).slice(1)}`;
      // Its own memory, not a slice of Node's shared 8 kB pool, which a kept slice holds whole.
      bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
      bytes.write(text);
      if (Object.isFrozen(key)) this.written.set(key, bytes);
    }
    return bytes;
  }

  private compiled(): KeySerializers {
    if (this.serializers === undefined) throw new Error('KeyPageBody.writeWith was not called');
    return this.serializers;
  }
}
