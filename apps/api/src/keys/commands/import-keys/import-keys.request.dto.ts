import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  IMPORT_HASH_ALGORITHMS,
  ImportHashAlgorithm,
  MAX_IMPORT_ORIGIN,
  MAX_IMPORT_PREFIX,
  MAX_IMPORTED_KEYS,
} from '@keyledger/domain';
import { CreateKeyRequestDto } from '../create-key/create-key.request.dto';

/**
 * One key to import: what a create takes, and the SHA-256 of its existing secret instead of a
 * new one. Checked item by item (a bad item is refused alone, the others go on).
 */
export class ImportedKeyDto extends CreateKeyRequestDto {
  @ApiProperty({
    pattern: '^[0-9a-fA-F]{64}$',
    description: "SHA-256 of the key's existing secret, in hex: the secret itself never travels.",
  })
  @IsString()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'hash must be 64 hex characters' })
  readonly hash!: string;

  @ApiPropertyOptional({ enum: IMPORT_HASH_ALGORITHMS, default: 'sha256' })
  @IsOptional()
  @IsIn(IMPORT_HASH_ALGORITHMS)
  readonly hash_algorithm?: ImportHashAlgorithm;

  @ApiPropertyOptional({
    maxLength: MAX_IMPORT_PREFIX,
    default: '',
    example: 'sk-or-v1-',
    description:
      "What the key's secret starts with. Resolve tries the plain SHA-256 only of secrets starting with an imported prefix (omitted or empty: of every secret that matches no key of ours), and the label shows it.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_IMPORT_PREFIX)
  readonly prefix?: string;
}

/** Body of `POST /api/v1/keys/import`. */
export class ImportKeysRequestDto {
  @ApiProperty({ type: [ImportedKeyDto], minItems: 1, maxItems: MAX_IMPORTED_KEYS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_IMPORTED_KEYS)
  // Objects only here: each is validated on its own, so that one bad key refuses only itself.
  @IsObject({ each: true })
  readonly keys!: Record<string, unknown>[];

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: MAX_IMPORT_ORIGIN,
    example: 'openrouter',
    description: 'Where the keys come from, recorded with each KeyImported.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_IMPORT_ORIGIN)
  readonly origin?: string;
}
