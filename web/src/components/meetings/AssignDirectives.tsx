import { type FormEvent, useState } from 'react';
import { type ApiError, api, asApiError } from '../../api';
import { useLang } from '../../i18n';
import { useSelection } from '../../selection';
import type { Directive } from '../directives/Status';
import { CoUnitsPicker, UnitSelect } from '../directives/UnitPickers';
import { branchOf, useDirectedUnits } from '../directives/units';
import { ErrorBanner, Field } from '../ui';
import type { Meeting } from './types';

interface Assignment {
  itemId: number;
  text: string;
  on: boolean;
  leadUnitCode: string;
  coUnitCodes: string[];
  deadline: string;
  key: boolean;
}

/**
 * Turns the conclusion items not yet assigned into directives in one step: for each ticked item,
 * the lead unit, the units working with it, the deadline and the key flag. The server creates
 * all of them or none, and names the row of each problem.
 */
export function AssignDirectives({
  meeting,
  assigned,
  onDone,
}: {
  meeting: Meeting;
  assigned: Set<number>;
  onDone(created: Directive[]): void;
}) {
  const { t } = useLang();
  const s = useSelection();
  const leads = useDirectedUnits();
  const coUnits = branchOf(s.units, meeting.unit.code);
  const open = meeting.conclusionItems.filter((c) => !assigned.has(c.id));
  const [rows, setRows] = useState<Assignment[]>(() =>
    open.map((c) => ({
      itemId: c.id,
      text: c.text,
      on: true,
      leadUnitCode: '',
      coUnitCodes: [],
      deadline: '',
      key: c.key,
    })),
  );
  const [sent, setSent] = useState<number[]>([]);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  if (rows.length === 0) return null;
  const set = (i: number, patch: Partial<Assignment>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const chosen = rows.filter((r) => r.on);
  /** The server numbers the rows it was sent: `items.0.deadline` from zod, row 1 from the service. */
  const problem = (itemId: number, name: string) => {
    const n = sent.indexOf(itemId);
    if (!error || n < 0) return undefined;
    return error.fields.find((f) => f.field === `items.${n}.${name}` || (f.row === n + 1 && f.field === name))
      ?.message;
  };
  // Nothing chosen reads as a malformed code to the server; say what the person has to do.
  const leadProblem = (r: Assignment) => {
    const message = problem(r.itemId, 'leadUnitCode');
    if (message && !r.leadUnitCode)
      return t('Đơn vị chủ trì: hãy chọn một đơn vị', 'Lead unit: choose a unit');
    return message ?? problem(r.itemId, 'conclusionItemId');
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ids = chosen.map((r) => r.itemId);
    setSent(ids);
    setBusy(true);
    setError(undefined);
    try {
      const { items } = await api.post<{ items: Directive[] }>(`/meetings/${meeting.id}/directives`, {
        items: chosen.map((r) => ({
          conclusionItemId: r.itemId,
          leadUnitCode: r.leadUnitCode,
          coUnitCodes: r.coUnitCodes,
          ...(r.deadline ? { deadline: r.deadline } : {}),
          key: r.key,
        })),
      });
      onDone(items);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const names = ['leadUnitCode', 'coUnitCodes', 'deadline', 'conclusionItemId'];
  const shown = sent.flatMap((_, n) => names.map((f) => `items.${n}.${f}`)).concat(names);

  return (
    <section className="card" aria-labelledby="assign-heading">
      <h2 id="assign-heading">{t('Giao nhiệm vụ từ kết luận', 'Assign directives from the conclusion')}</h2>
      <p className="muted small">
        {t(
          'Mỗi mục được chọn thành một nhiệm vụ; để trống thời hạn nếu là nhiệm vụ thường xuyên.',
          'Each ticked item becomes a directive; leave the deadline empty for a standing task.',
        )}
      </p>
      <ErrorBanner error={error} shownFields={shown} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        {rows.map((r, i) => (
          <fieldset key={r.itemId} className="assign-item" data-off={!r.on}>
            <legend>{r.text}</legend>
            <label className="check">
              <input type="checkbox" checked={r.on} onChange={(e) => set(i, { on: e.target.checked })} />
              {t('Giao mục này', 'Assign this item')}
            </label>
            {r.on && (
              <div className="row-fields">
                <Field label={t('Đơn vị chủ trì', 'Lead unit')} error={leadProblem(r)}>
                  {(p) => (
                    <UnitSelect
                      {...p}
                      units={leads}
                      empty={t('— chọn đơn vị —', '— choose —')}
                      value={r.leadUnitCode}
                      onChange={(leadUnitCode) => set(i, { leadUnitCode })}
                    />
                  )}
                </Field>
                <Field label={t('Thời hạn', 'Deadline')} error={problem(r.itemId, 'deadline')}>
                  {(p) => (
                    <input
                      {...p}
                      type="date"
                      value={r.deadline}
                      onChange={(e) => set(i, { deadline: e.target.value })}
                    />
                  )}
                </Field>
                <CoUnitsPicker
                  legend={t('Đơn vị phối hợp', 'Co-units')}
                  units={coUnits}
                  exclude={r.leadUnitCode}
                  value={r.coUnitCodes}
                  onChange={(coUnitCodes) => set(i, { coUnitCodes })}
                  error={problem(r.itemId, 'coUnitCodes')}
                />
                <label className="check">
                  <input
                    type="checkbox"
                    checked={r.key}
                    onChange={(e) => set(i, { key: e.target.checked })}
                  />
                  {t('Nhiệm vụ trọng tâm', 'Key task')}
                </label>
              </div>
            )}
          </fieldset>
        ))}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy || chosen.length === 0}>
            {t(`Giao ${chosen.length} nhiệm vụ`, `Assign ${chosen.length} directives`)}
          </button>
        </div>
      </form>
    </section>
  );
}
