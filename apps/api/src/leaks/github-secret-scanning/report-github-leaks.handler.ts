import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RequestContext } from '../../shared/request-context/request-context';
import { WritePipeline } from '../../shared/writes/write-pipeline';
import { LeakResponder } from '../leak-responder';
import { GithubMatch } from './github-leak-report';

/** The system actor of the events a GitHub report causes. */
export const GITHUB_SECRET_SCANNING = 'github-secret-scanning';

export class ReportGithubLeaksCommand {
  constructor(
    readonly context: RequestContext,
    readonly matches: readonly GithubMatch[],
  ) {}
}

/** GitHub's answer per match: whether the token was one of ours. */
export interface GithubMatchLabel {
  readonly token_raw: string;
  readonly token_type: string;
  readonly label: 'true_positive' | 'false_positive';
}

/**
 * Acts on each match of a verified GitHub report in turn (a token repeated in one report acts
 * once) and labels it: `true_positive` when it is, or within its rotation grace was, a key's.
 */
@CommandHandler(ReportGithubLeaksCommand)
export class ReportGithubLeaksHandler implements ICommandHandler<
  ReportGithubLeaksCommand,
  readonly GithubMatchLabel[]
> {
  constructor(
    private readonly responder: LeakResponder,
    private readonly pipeline: WritePipeline,
  ) {}

  async execute({ context, matches }: ReportGithubLeaksCommand): Promise<GithubMatchLabel[]> {
    const seen = new Map<string, boolean>();
    const labels: GithubMatchLabel[] = [];
    for (const { token, type, url, source } of matches) {
      let matched = seen.get(token);
      if (matched === undefined) {
        matched = await this.responder.respond(
          { secret: token, source_url: url, source, reporter: 'github_secret_scanning' },
          this.pipeline.systemMoment(GITHUB_SECRET_SCANNING, context),
        );
        seen.set(token, matched);
      }
      labels.push({
        token_raw: token,
        token_type: type,
        label: matched ? 'true_positive' : 'false_positive',
      });
    }
    return labels;
  }
}
