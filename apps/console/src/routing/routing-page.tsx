import { PreferenceScope, RoutingPreference } from '@keyledger/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Empty, ErrorNote, QueryView } from '../components/status';
import { TableFrame } from '../components/table-frame';
import { Time } from '../components/time';
import { useClient } from '../session/session-context';
import { PromptTester } from './prompt-tester';
import { RuleDraft, toDraft, toRuleInput } from './rule-draft';
import { RuleEditor, rulesAreValid } from './rule-editor';

interface PreferenceDraft {
  readonly name: string;
  readonly description: string;
  readonly scope: PreferenceScope;
  readonly enabled: boolean;
  readonly is_default: boolean;
  readonly rules: RuleDraft[];
}

const NEW: PreferenceDraft = {
  name: '',
  description: '',
  scope: 'personal',
  enabled: true,
  is_default: false,
  rules: [],
};

const draftOf = (preference: RoutingPreference): PreferenceDraft => ({
  name: preference.name,
  description: preference.description ?? '',
  scope: preference.scope,
  enabled: preference.enabled,
  is_default: preference.is_default,
  rules: preference.rules.map(toDraft),
});

/** Creates a preference, or edits one: its fields, its rules, and a prompt to try them on. */
function PreferenceForm({
  editing,
  onDone,
}: {
  readonly editing: RoutingPreference | null;
  readonly onDone: () => void;
}) {
  const client = useClient();
  const queries = useQueryClient();
  const [draft, setDraft] = useState<PreferenceDraft>(editing ? draftOf(editing) : NEW);
  const save = useMutation({
    mutationFn: async () => {
      const content = {
        name: draft.name,
        description: draft.description.trim() === '' ? null : draft.description,
        enabled: draft.enabled,
        is_default: draft.is_default,
        rules: draft.rules.map(toRuleInput),
      };
      return editing
        ? client.routingPreferences.update(editing.id, content)
        : client.routingPreferences.create({ ...content, scope: draft.scope });
    },
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: ['routing-preferences'] });
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form
      className="panel stack"
      onSubmit={submit}
      aria-label={editing ? `Edit ${editing.name}` : 'New routing preference'}
    >
      <h2>{editing ? `Edit ${editing.name}` : 'New routing preference'}</h2>
      <div className="row">
        <label>
          Name
          <input
            required
            maxLength={128}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </label>
        {!editing && (
          <label>
            Scope
            <select
              value={draft.scope}
              onChange={(e) => setDraft({ ...draft, scope: e.target.value as PreferenceScope })}
            >
              <option value="personal">personal (mine)</option>
              <option value="team">team (my active org)</option>
            </select>
          </label>
        )}
      </div>
      <label>
        Description
        <input
          maxLength={512}
          value={draft.description}
          onChange={(e) => setDraft({ ...draft, description: e.target.value })}
        />
      </label>
      <div className="row">
        <label className="inline">
          <input
            type="checkbox"
            checked={draft.enabled}
            onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })}
          />
          Enabled
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={draft.is_default}
            onChange={(e) => setDraft({ ...draft, is_default: e.target.checked })}
          />
          Default for its scope
        </label>
      </div>
      <RuleEditor rules={draft.rules} onChange={(rules) => setDraft({ ...draft, rules })} />
      <PromptTester rules={draft.rules} floors={editing?.confidence_floor_overrides ?? {}} />
      {save.error && <ErrorNote error={save.error} />}
      <div className="row">
        <button
          type="submit"
          className="primary"
          disabled={save.isPending || !rulesAreValid(draft.rules)}
        >
          {editing ? 'Save changes' : 'Create preference'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Routing preferences: the list, and a form to create or edit one. */
export function RoutingPage() {
  const client = useClient();
  const [editing, setEditing] = useState<RoutingPreference | 'new' | null>(null);
  const list = useQuery({
    queryKey: ['routing-preferences'],
    queryFn: () => client.routingPreferences.list({ limit: 200 }),
  });
  return (
    <>
      <div className="page-title">
        <h1>Routing preferences</h1>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          New preference
        </button>
      </div>
      {editing !== null && (
        <PreferenceForm
          key={editing === 'new' ? 'new' : editing.id}
          editing={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      <QueryView query={list} what="routing preferences">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No routing preference yet. Create one to route prompts by pattern.</Empty>
          ) : (
            <TableFrame
              label="Routing preferences table"
              columns={['Name', 'Scope', 'Rules', 'State', 'Updated', { hidden: 'Actions' }]}
            >
              {page.data.map((preference) => (
                <tr key={preference.id}>
                  <td>
                    {preference.name}
                    {preference.description && (
                      <div className="muted">{preference.description}</div>
                    )}
                  </td>
                  <td>{preference.scope === 'team' ? `team ${preference.org_id}` : 'personal'}</td>
                  <td>{preference.rules.length}</td>
                  <td>
                    <span className={`badge badge-${preference.enabled ? 'ok' : 'off'}`}>
                      {preference.enabled ? 'enabled' : 'disabled'}
                    </span>
                    {preference.is_default && <span className="badge badge-info">default</span>}
                  </td>
                  <td>
                    <Time value={preference.updated_at} />
                  </td>
                  <td>
                    <button type="button" onClick={() => setEditing(preference)}>
                      Edit <span className="visually-hidden">{preference.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </TableFrame>
          )
        }
      </QueryView>
    </>
  );
}
