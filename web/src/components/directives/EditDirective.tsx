import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../api';
import { formatDate } from '../../format';
import { useLang } from '../../i18n';
import { flattenUnits, useSelection } from '../../selection';
import { type Change, ConflictNotice } from '../meetings/Conflict';
import { ErrorBanner, Field } from '../ui';
import type { DirectiveDetail } from './Status';
import { CoUnitsPicker, UnitSelect } from './UnitPickers';
import { branchOf, useDirectedUnits } from './units';

interface Draft {
  title: string;
  deadline: string;
  leadUnitCode: string;
  coUnitCodes: string[];
  key: boolean;
}

const draftOf = (d: DirectiveDetail): Draft => ({
  title: d.title,
  deadline: d.deadline ?? '',
  leadUnitCode: d.leadUnit.code,
  coUnitCodes: d.coUnits.map((u) => u.code),
  key: d.key,
});

/** Wording, deadline and units of a directive, saved against the version the editor opened. */
export function EditDirective({
  directive,
  onSaved,
  onCancel,
}: {
  directive: DirectiveDetail;
  onSaved(d: DirectiveDetail): void;
  onCancel(): void;
}) {
  const { t } = useLang();
  const s = useSelection();
  const leads = useDirectedUnits();
  const [base, setBase] = useState(directive);
  const [draft, setDraft] = useState(() => draftOf(directive));
  const [error, setError] = useState<ApiError>();
  const [conflict, setConflict] = useState<DirectiveDetail>();
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const err = (name: string) => error?.field(name);
  // The lead may stay a unit the editor no longer directs; it must still be listed.
  const leadChoices = leads.some((u) => u.code === directive.leadUnit.code)
    ? leads
    : [...branchOf(s.units, directive.leadUnit.code).slice(0, 1), ...leads];

  const current = flattenUnits(s.units).filter(
    (u) => directive.coUnits.some((c) => c.code === u.code) && !leads.includes(u),
  );
  const coChoices = [...leads, ...current];

  async function save(from: DirectiveDetail) {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await api.patch<DirectiveDetail>(`/directives/${from.id}`, {
        version: from.version,
        title: draft.title,
        deadline: draft.deadline || null,
        leadUnitCode: draft.leadUnitCode,
        coUnitCodes: draft.coUnitCodes,
        key: draft.key,
      });
      setConflict(undefined);
      onSaved(saved);
    } catch (e) {
      const problem = e instanceof ApiError ? e : new ApiError(0, 'error', String(e));
      if (problem.status === 409) {
        setConflict(
          (problem.current as DirectiveDetail | undefined) ??
            (await api.get<DirectiveDetail>(`/directives/${from.id}`)),
        );
      } else setError(problem);
    } finally {
      setBusy(false);
    }
  }
  const changes = (now: DirectiveDetail): Change[] => {
    const out: Change[] = [];
    if (now.title !== base.title) out.push({ label: t('Nội dung', 'Text'), now: now.title });
    if (now.deadline !== base.deadline)
      out.push({ label: t('Thời hạn', 'Deadline'), now: formatDate(now.deadline) });
    if (now.leadUnit.code !== base.leadUnit.code)
      out.push({ label: t('Chủ trì', 'Lead'), now: now.leadUnit.name });
    const co = (d: DirectiveDetail) => d.coUnits.map((u) => u.name).join('; ');
    if (co(now) !== co(base)) out.push({ label: t('Phối hợp', 'Co-units'), now: co(now) });
    if (now.key !== base.key)
      out.push({ label: t('Trọng tâm', 'Key'), now: now.key ? t('có', 'yes') : t('không', 'no') });
    if (now.completedOn !== base.completedOn)
      out.push({ label: t('Ngày hoàn thành', 'Done on'), now: formatDate(now.completedOn) });
    return out;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(base);
  };

  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2>{t('Sửa nhiệm vụ', 'Edit directive')}</h2>
      {conflict && (
        <ConflictNotice
          busy={busy}
          changes={changes(conflict)}
          onKeepMine={() => {
            setBase(conflict);
            void save(conflict);
          }}
          onTakeTheirs={() => {
            setBase(conflict);
            setDraft(draftOf(conflict));
            setConflict(undefined);
          }}
        />
      )}
      <ErrorBanner error={error} shownFields={['title', 'deadline', 'leadUnitCode', 'coUnitCodes']} />
      <Field label={t('Nội dung nhiệm vụ', 'Directive')} error={err('title')}>
        {(p) => (
          <textarea {...p} rows={3} value={draft.title} onChange={(e) => set({ title: e.target.value })} />
        )}
      </Field>
      <div className="row-fields">
        <Field
          label={t('Thời hạn', 'Deadline')}
          error={err('deadline')}
          hint={t('Để trống: nhiệm vụ thường xuyên', 'Empty: a standing task')}
        >
          {(p) => (
            <input
              {...p}
              type="date"
              value={draft.deadline}
              onChange={(e) => set({ deadline: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('Đơn vị chủ trì', 'Lead unit')} error={err('leadUnitCode')}>
          {(p) => (
            <UnitSelect
              {...p}
              units={leadChoices}
              value={draft.leadUnitCode}
              onChange={(leadUnitCode) => set({ leadUnitCode })}
            />
          )}
        </Field>
        <CoUnitsPicker
          legend={t('Đơn vị phối hợp', 'Co-units')}
          units={coChoices}
          exclude={draft.leadUnitCode}
          value={draft.coUnitCodes}
          onChange={(coUnitCodes) => set({ coUnitCodes })}
          error={err('coUnitCodes')}
        />
        <label className="check">
          <input type="checkbox" checked={draft.key} onChange={(e) => set({ key: e.target.checked })} />
          {t('Nhiệm vụ trọng tâm', 'Key task')}
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('Lưu thay đổi', 'Save changes')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('Hủy', 'Cancel')}
        </button>
      </div>
    </form>
  );
}
