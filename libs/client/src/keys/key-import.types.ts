import { FieldList } from '../core/field-list';
import { CreateKeyRequest } from './key.types';

/** One key made elsewhere, by the SHA-256 of its secret (which never travels). */
export interface ImportedKeyRequest extends CreateKeyRequest {
  /** SHA-256 of the existing secret, 64 hex characters. */
  readonly hash: string;
  /** Default `sha256`, the only one. */
  readonly hash_algorithm?: 'sha256';
  /** What the secret starts with, e.g. `sk-or-v1-`; omitted or empty: any secret. */
  readonly prefix?: string;
}

/** Body of `POST /api/v1/keys/import`: up to 1,000 keys. */
export interface ImportKeysRequest {
  readonly keys: readonly ImportedKeyRequest[];
  /** Where they come from (`openrouter`), kept with each KeyImported. */
  readonly origin?: string;
}

/** The fields of ImportKeysRequest. */
export const IMPORT_KEYS_FIELDS: FieldList<ImportKeysRequest> = {
  keys: 'required',
  origin: 'optional',
};

/** What became of one key of an import. */
export interface ImportedKeyOutcome {
  /** Its place in the request's `keys`. */
  readonly index: number;
  readonly status: 'created' | 'already_imported' | 'refused';
  /** The hash as sent, lower-cased (null when it was not a string). */
  readonly hash: string | null;
  /** null when refused. */
  readonly key_id: string | null;
  /** When refused, the code, message and fields a create would answer with; else null. */
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly fields: readonly { readonly field: string; readonly message: string }[];
  } | null;
}

/** The fields of ImportedKeyOutcome. */
export const IMPORTED_KEY_OUTCOME_FIELDS: FieldList<ImportedKeyOutcome> = {
  index: 'required',
  status: 'required',
  hash: 'required',
  key_id: 'required',
  error: 'required',
};

/** Body of `POST /api/v1/keys/report-leak`. */
export interface ReportLeakRequest {
  /** The secret found: hashed to find its key, never stored or logged. */
  readonly secret: string;
  readonly source_url?: string | null;
  /** What kind of place it was found in; default `report`. */
  readonly source?: string;
}

/** The fields of ReportLeakRequest. */
export const REPORT_LEAK_FIELDS: FieldList<ReportLeakRequest> = {
  secret: 'required',
  source_url: 'optional',
  source: 'optional',
};

/** The one answer of a leak report, whatever the secret was. */
export interface LeakReportReceipt {
  readonly received: true;
}

/** The fields of LeakReportReceipt. */
export const LEAK_REPORT_RECEIPT_FIELDS: FieldList<LeakReportReceipt> = { received: 'required' };
