import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidationOptions,
} from 'class-validator';
import { parseTimestamp } from '@keyledger/domain';
import { AuditFiltersInput } from './audit-filters.input';
import { AUDIT_EVENT_TYPES } from './key-event-labels';

/** `a,b` and `x=a&x=b` alike become `['a', 'b']`; anything else is left for validation to refuse. */
const toList = ({ value }: { value: unknown }): unknown => {
  const parts = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(parts) || !parts.every((part) => typeof part === 'string')) return value;
  return parts.flatMap((part: string) => part.split(',')).map((part) => part.trim());
};

/** An ISO-8601 date, or a date and time with an explicit offset (`2026-06-01T09:30:00Z`). */
export const IsTimestamp = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isTimestamp',
      validator: {
        validate: (value: unknown) => parseTimestamp(value) !== null,
        defaultMessage: () =>
          '$property must be an ISO-8601 date, or a date and time with an offset (2026-06-01T09:30:00Z)',
      },
    },
    options,
  );

const ID = { minLength: 1, maxLength: 128 } as const;

/** The filters the audit log and its export share. Every filter narrows; all of them combine. */
export class AuditFiltersRequestDto implements AuditFiltersInput {
  @ApiPropertyOptional({ ...ID, description: 'Who acted: a user id, or an API key id.' })
  @IsOptional()
  @IsString()
  @MinLength(ID.minLength)
  @MaxLength(ID.maxLength)
  readonly actor?: string;

  @ApiPropertyOptional({ ...ID, description: 'The key the entries are about (its id or hash).' })
  @IsOptional()
  @IsString()
  @MinLength(ID.minLength)
  @MaxLength(ID.maxLength)
  readonly key_id?: string;

  @ApiPropertyOptional({
    type: [String],
    enum: AUDIT_EVENT_TYPES,
    description: 'Event types: repeat the parameter, or give a comma-separated list.',
  })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(AUDIT_EVENT_TYPES.length)
  @IsIn(AUDIT_EVENT_TYPES, { each: true })
  readonly event_type?: string[];

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Entries that happened at or after this time (`occurred_at`).',
  })
  @IsOptional()
  @IsTimestamp()
  readonly from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Entries that happened before this time (exclusive).',
  })
  @IsOptional()
  @IsTimestamp()
  readonly to?: string;

  @ApiPropertyOptional({ ...ID, description: "Only keys of this org (the key's org)." })
  @IsOptional()
  @IsString()
  @MinLength(ID.minLength)
  @MaxLength(ID.maxLength)
  readonly org_id?: string;
}
