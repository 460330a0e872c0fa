import { clampConfidence } from '@keyledger/domain/routing-preferences/routing-rules.validation';
import { matchRoutingRule } from '@keyledger/domain/routing-preferences/routing-rule-match';
import { useId, useState } from 'react';
import { RuleDraft, ruleProblems, toRuleInput } from './rule-draft';

/** The rules a tester can run: the valid drafts, with the confidence the service would keep. */
function runnableRules(drafts: readonly RuleDraft[]) {
  return drafts
    .map((draft, index) => ({ draft, index }))
    .filter(({ draft }) => Object.keys(ruleProblems(draft)).length === 0);
}

/** "Try a prompt": which rule, mode and engine a prompt would get from these rules. */
export function PromptTester({
  rules,
  floors,
}: {
  readonly rules: readonly RuleDraft[];
  readonly floors: Readonly<Record<string, number>>;
}) {
  const id = useId();
  const [prompt, setPrompt] = useState('');
  const runnable = runnableRules(rules);
  const match =
    prompt === ''
      ? null
      : matchRoutingRule(
          {
            rules: runnable.map(({ draft }) => {
              const input = toRuleInput(draft);
              return {
                ...input,
                target_engine: input.target_engine ?? null,
                confidence: clampConfidence(input.confidence),
                description: null,
              };
            }),
            confidence_floor_overrides: floors,
          },
          prompt,
        );
  const ruleNumber = (at: number) => (runnable[at]?.index ?? at) + 1;
  return (
    <section className="tester" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Try a prompt</h3>
      <label htmlFor={id}>Prompt</label>
      <textarea
        id={id}
        rows={2}
        value={prompt}
        onChange={(event) => setPrompt(event.target.value)}
      />
      <output htmlFor={id} className="tester-result" data-testid="prompt-result" aria-live="polite">
        {prompt === '' ? (
          'Type a prompt to see which rule applies.'
        ) : match === null ? (
          'No rule applies: the gateway routes this prompt by its own default.'
        ) : (
          <>
            Rule {ruleNumber(match.index)} (<code>{match.rule.pattern}</code>) applies: mode{' '}
            <strong>{match.rule.target_mode}</strong>
            {match.rule.target_engine ? `, engine ${match.rule.target_engine}` : ''}, confidence{' '}
            {match.rule.confidence}.
            {match.belowFloor.length > 0 &&
              ` Passed over below their floor: rule ${match.belowFloor.map(ruleNumber).join(', ')}.`}
          </>
        )}
      </output>
    </section>
  );
}
