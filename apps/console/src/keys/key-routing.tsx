import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNote, QueryView } from '../components/status';
import { PromptTester } from '../routing/prompt-tester';
import { RuleDraft, toDraft, toRuleInput } from '../routing/rule-draft';
import { RuleEditor, rulesAreValid } from '../routing/rule-editor';
import { useClient } from '../session/session-context';

const SOURCE_TEXT = {
  key: 'set on this key',
  org_default: "its org's default",
  user_default: "its owner's default",
  none: 'none: the gateway decides',
} as const;

/** The key's binding to a shared preference, the rules kept on the key, and what applies. */
export function KeyRouting({
  keyId,
  disabled,
}: {
  readonly keyId: string;
  readonly disabled: boolean;
}) {
  const client = useClient();
  const queries = useQueryClient();
  const refresh = () => queries.invalidateQueries({ queryKey: ['keys', keyId] });
  const effective = useQuery({
    queryKey: ['keys', keyId, 'effective'],
    queryFn: () => client.keys.effectiveRouting.get(keyId),
  });
  const binding = useQuery({
    queryKey: ['keys', keyId, 'binding'],
    queryFn: () => client.keys.routingPreference.get(keyId),
  });
  const rules = useQuery({
    queryKey: ['keys', keyId, 'rules'],
    queryFn: () => client.keys.routingRules.get(keyId),
  });
  const preferences = useQuery({
    queryKey: ['routing-preferences'],
    queryFn: () => client.routingPreferences.list({ limit: 200 }),
  });
  const bind = useMutation({
    mutationFn: (preference_id: string | null) =>
      client.keys.routingPreference.put(keyId, { preference_id }),
    onSuccess: refresh,
  });
  const [drafts, setDrafts] = useState<RuleDraft[] | null>(null);
  const current = drafts ?? rules.data?.data.rules.map(toDraft) ?? [];
  const saveRules = useMutation({
    mutationFn: async (): Promise<unknown> =>
      current.length === 0
        ? client.keys.routingRules.delete(keyId)
        : client.keys.routingRules.put(keyId, { rules: current.map(toRuleInput) }),
    onSuccess: () => {
      setDrafts(null);
      return refresh();
    },
  });
  return (
    <div className="stack">
      <QueryView query={effective} what="effective routing">
        {({ data }) => (
          <p>
            Effective routing: <strong>{SOURCE_TEXT[data.source]}</strong>
            {data.preference_name &&
              ` (${data.is_per_key ? 'key rules' : data.preference_name})`}, {data.rules.length}{' '}
            rule
            {data.rules.length === 1 ? '' : 's'}.
          </p>
        )}
      </QueryView>
      <QueryView query={binding} what="binding">
        {({ data }) => (
          <label>
            Bound preference
            <select
              value={data.preference_id ?? ''}
              disabled={disabled || bind.isPending}
              onChange={(event) =>
                bind.mutate(event.target.value === '' ? null : event.target.value)
              }
            >
              <option value="">none (inherit the defaults)</option>
              {preferences.data?.data.map((preference) => (
                <option key={preference.id} value={preference.id}>
                  {preference.name} ({preference.scope})
                </option>
              ))}
            </select>
          </label>
        )}
      </QueryView>
      {bind.error && <ErrorNote error={bind.error} />}
      <h3>Key-first rules</h3>
      <QueryView query={rules} what="key rules">
        {() => (
          <>
            <RuleEditor rules={current} onChange={setDrafts} />
            <PromptTester
              rules={current}
              floors={rules.data?.data.confidence_floor_overrides ?? {}}
            />
            {saveRules.error && <ErrorNote error={saveRules.error} />}
            <button
              type="button"
              disabled={
                disabled || drafts === null || !rulesAreValid(current) || saveRules.isPending
              }
              onClick={() => saveRules.mutate()}
            >
              {current.length === 0 ? 'Drop key rules' : 'Save key rules'}
            </button>
          </>
        )}
      </QueryView>
    </div>
  );
}
