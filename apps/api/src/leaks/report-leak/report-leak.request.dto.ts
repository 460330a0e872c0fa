import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { MAX_LEAK_SOURCE, MAX_LEAK_SOURCE_URL } from '@keyledger/domain';

/** Longest secret looked at: far above any key format, so no real secret is cut. */
export const MAX_REPORTED_SECRET = 1024;

/** Body of `POST /api/v1/keys/report-leak`. */
export class ReportLeakRequestDto {
  @ApiProperty({
    minLength: 1,
    maxLength: MAX_REPORTED_SECRET,
    description: 'The secret found: hashed to find its key, never stored or logged.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_REPORTED_SECRET)
  readonly secret!: string;

  @ApiPropertyOptional({
    nullable: true,
    maxLength: MAX_LEAK_SOURCE_URL,
    example: 'https://pastebin.com/abc123',
    description: 'Where it was found (an http(s) URL).',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(MAX_LEAK_SOURCE_URL)
  readonly source_url?: string | null;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: MAX_LEAK_SOURCE,
    default: 'report',
    description: 'What kind of place it was found in (`paste`, `chat`, `ticket`…).',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_LEAK_SOURCE)
  readonly source?: string;
}
