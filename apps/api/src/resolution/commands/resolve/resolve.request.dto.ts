import { ApiPropertyOptional } from '@nestjs/swagger';
import { KEY_SCOPES, MAX_MODEL_NAME } from '@keyledger/domain';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ResolveBody } from './resolve-body';

/**
 * Body of `POST /api/v1/resolve` (optional): what the inference request is for. The gateway
 * listener checks valid bodies with isPlainResolveBody and comes here for refusals.
 */
export class ResolveRequestDto implements ResolveBody {
  @ApiPropertyOptional({
    maxLength: MAX_MODEL_NAME,
    example: 'openai/gpt-4o',
    description: 'Checked against the plan tier; omitted: not checked.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_MODEL_NAME)
  readonly model?: string;

  @ApiPropertyOptional({
    enum: KEY_SCOPES,
    example: 'completions',
    description: 'The scope the request needs; `completions` when omitted.',
  })
  @IsOptional()
  @IsIn(KEY_SCOPES)
  readonly scope?: string;
}
