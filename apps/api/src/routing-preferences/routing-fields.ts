import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateIf,
} from 'class-validator';

/** May be omitted, but not sent as null (IsOptional would let null through unchecked). */
export const Present = (): PropertyDecorator => ValidateIf((_, value) => value !== undefined);

/** A string of `min`–`max` characters, required or omittable; the domain trims and re-checks it. */
export const TextField = (
  min: number,
  max: number,
  { required = true, example }: { required?: boolean; example?: string } = {},
): PropertyDecorator =>
  applyDecorators(
    required
      ? ApiProperty({ minLength: min, maxLength: max, example })
      : ApiPropertyOptional({ minLength: min, maxLength: max, example }),
    ...(required ? [] : [Present()]),
    IsString(),
    MinLength(min),
    MaxLength(max),
  );

/** An optional string of at most `max` characters; null (or blank) means none. */
export const NullableTextField = (max: number): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ nullable: true, maxLength: max }),
    IsOptional(),
    IsString(),
    MaxLength(max),
  );

/** An omittable boolean, never null. */
export const FlagField = (description: string): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ type: Boolean, description }), Present(), IsBoolean());

function compiles(pattern: unknown): boolean {
  if (typeof pattern !== 'string') return false;
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/** A JavaScript regular expression that compiles (SPEC §4: patterns must compile). */
export const IsRegExp = (): PropertyDecorator =>
  ValidateBy({
    name: 'isRegExp',
    validator: {
      validate: compiles,
      defaultMessage: () => '$property must be a valid JavaScript regular expression',
    },
  });
