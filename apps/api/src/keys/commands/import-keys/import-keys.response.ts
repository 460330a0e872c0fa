import { ApiProperty } from '@nestjs/swagger';
import { FieldError } from '@keyledger/domain';
import { ImportedKeyOutcome, ImportResult } from './import-keys.handler';

/** `POST /api/v1/keys/import`'s answer: every key's outcome, and how many of each. */
export interface ImportKeysAnswer {
  readonly data: readonly ImportedKeyOutcome[];
  readonly summary: {
    readonly created: number;
    readonly already_imported: number;
    readonly refused: number;
  };
}

/** The answer of an import. */
export function toImportAnswer({ outcomes }: ImportResult): ImportKeysAnswer {
  const count = (status: ImportedKeyOutcome['status']) =>
    outcomes.filter((outcome) => outcome.status === status).length;
  return {
    data: outcomes,
    summary: {
      created: count('created'),
      already_imported: count('already_imported'),
      refused: count('refused'),
    },
  };
}

/** One invalid field of a refused key. */
export class ImportFieldErrorResponse implements FieldError {
  @ApiProperty({ type: String, example: 'hash' })
  readonly field!: string;

  @ApiProperty({ type: String })
  readonly message!: string;
}

/** Why a key was refused, with the codes and fields a create would answer with. */
export class ImportRefusalResponse {
  @ApiProperty({
    type: String,
    example: 'validation_failed',
    description: '`validation_failed`, `policy_violation`, `forbidden`, `already_exists`…',
  })
  readonly code!: string;

  @ApiProperty({ type: String })
  readonly message!: string;

  @ApiProperty({ type: [ImportFieldErrorResponse] })
  readonly fields!: ImportFieldErrorResponse[];
}

/** What became of one key. */
export class ImportedKeyOutcomeResponse {
  @ApiProperty({ type: Number, description: "The key's place in the request's `keys`." })
  readonly index!: number;

  @ApiProperty({ enum: ['created', 'already_imported', 'refused'] })
  readonly status!: ImportedKeyOutcome['status'];

  @ApiProperty({ type: String, nullable: true, description: 'The hash as sent, lower-cased.' })
  readonly hash!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'null when refused.' })
  readonly key_id!: string | null;

  @ApiProperty({ type: ImportRefusalResponse, nullable: true, description: 'null unless refused.' })
  readonly error!: ImportRefusalResponse | null;
}

/** How many keys had each outcome. */
export class ImportSummaryResponse {
  @ApiProperty({ type: Number })
  readonly created!: number;

  @ApiProperty({ type: Number })
  readonly already_imported!: number;

  @ApiProperty({ type: Number })
  readonly refused!: number;
}

/** `{ data: [outcome], summary }`. */
export class ImportKeysResponse implements ImportKeysAnswer {
  @ApiProperty({ type: [ImportedKeyOutcomeResponse] })
  readonly data!: ImportedKeyOutcome[];

  @ApiProperty({ type: ImportSummaryResponse })
  readonly summary!: ImportSummaryResponse;
}
