import { Body, Controller, Headers, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBody,
  ApiHeader,
  ApiOkResponse,
  ApiProperty,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public } from '../../auth/auth.guard';
import { ApiError } from '../../shared/errors/api-error';
import { KeepsRawBody, RawBodyRequest } from '../../shared/http/raw-body';
import { Context } from '../../shared/request-context/request-context.decorator';
import { RequestContext } from '../../shared/request-context/request-context';
import { githubMatches } from './github-leak-report';
import { GithubPublicKeys } from './github-public-keys';
import { GithubMatchLabel, ReportGithubLeaksCommand } from './report-github-leaks.handler';

/** One match of a GitHub report, as GitHub sends it. */
class GithubMatchRequest {
  @ApiProperty({ type: String, description: 'The secret GitHub found.' })
  readonly token!: string;

  @ApiProperty({ type: String, example: 'keyledger_api_key' })
  readonly type!: string;

  @ApiProperty({ type: String, example: 'https://github.com/octo/repo/blob/abc/.env' })
  readonly url!: string;

  @ApiProperty({ type: String, example: 'content' })
  readonly source!: string;
}

/** GitHub's label of one match. */
export class GithubMatchLabelResponse implements GithubMatchLabel {
  @ApiProperty({ type: String })
  readonly token_raw!: string;

  @ApiProperty({ type: String })
  readonly token_type!: string;

  @ApiProperty({ enum: ['true_positive', 'false_positive'] })
  readonly label!: GithubMatchLabel['label'];
}

const badSignature = (): ApiError =>
  new ApiError(
    401,
    'invalid_signature',
    'The request is not signed by a known secret-scanning key.',
  );

@ApiTags('secret-scanning')
@Controller('api/v1/secret-scanning')
export class ReportGithubLeaksHttpController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(GithubPublicKeys) private readonly keys: GithubPublicKeys,
  ) {}

  /**
   * GitHub's secret-scanning partner endpoint. The body must be signed (ECDSA P-256, SHA-256)
   * by a key of SECRET_SCANNING_PUBLIC_KEYS_FILE; anything else is 401 `invalid_signature`,
   * before the body is looked at. Each match that is a key's is acted on (see report-leak) and
   * labelled `true_positive`; the others `false_positive`.
   */
  @Post('github')
  @Public()
  @KeepsRawBody()
  @HttpCode(200)
  @ApiHeader({ name: 'Github-Public-Key-Identifier', required: true })
  @ApiHeader({ name: 'Github-Public-Key-Signature', required: true, description: 'Base64 DER.' })
  @ApiBody({ type: [GithubMatchRequest] })
  @ApiOkResponse({
    description: 'One label per match, in order.',
    type: [GithubMatchLabelResponse],
  })
  @ApiUnauthorizedResponse({ description: '`invalid_signature`: unsigned or badly signed.' })
  async report(
    @Req() request: RawBodyRequest,
    @Headers('github-public-key-identifier') identifier: string | undefined,
    @Headers('github-public-key-signature') signature: string | undefined,
    @Context() context: RequestContext,
    @Body() body: unknown,
  ): Promise<readonly GithubMatchLabel[]> {
    if (!this.keys.verifies(identifier, signature, request.rawBody)) throw badSignature();
    return this.commands.execute<ReportGithubLeaksCommand, readonly GithubMatchLabel[]>(
      new ReportGithubLeaksCommand(context, githubMatches(body)),
    );
  }
}
