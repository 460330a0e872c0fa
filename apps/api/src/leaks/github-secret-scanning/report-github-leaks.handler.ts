import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RequestContext, systemEventMetadata } from '../../shared/request-context/request-context';
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
  constructor(private readonly responder: LeakResponder) {}

  async execute({ context, matches }: ReportGithubLeaksCommand): Promise<GithubMatchLabel[]> {
    const seen = new Map<string, boolean>();
    const labels: GithubMatchLabel[] = [];
    for (const { token, type, url, source } of matches) {
      let matched = seen.get(token);
      if (matched === undefined) {
        matched = await this.responder.respond(
          { secret: token, source_url: url, source, reporter: 'github_secret_scanning' },
          (orgId, now) => systemEventMetadata(GITHUB_SECRET_SCANNING, context, orgId, now),
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
