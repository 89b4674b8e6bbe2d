import { type FormEvent, useState } from 'react';
import { ApiError, api, asApiError } from '../../api';
import { formatDate } from '../../format';
import { useLang } from '../../i18n';
import type { Unit } from '../../types';
import { ChoiceField, ErrorBanner, Field } from '../ui';
import { levelChoices, today, validOn } from './unit-labels';

export interface MergeResult {
  code: string;
  name: string;
  on: string;
  predecessors: string[];
}

const SHOWN = ['code', 'name', 'level', 'on', 'predecessorCodes'];

/**
 * Several units under `parent` become one from a date: the new unit starts that day, the old ones
 * end, their figures stay as recorded. Asked twice, because a merger is not undone by an edit.
 */
export function MergeForm({
  parent,
  onDone,
  onCancel,
}: {
  parent: Unit;
  onDone(result: MergeResult): void;
  onCancel(): void;
}) {
  const { t, lang } = useLang();
  const candidates = parent.children.filter((c) => c.actions.merge && validOn(c, today()));
  const [picked, setPicked] = useState<string[]>([]);
  const [form, setForm] = useState({ code: '', name: '', level: '', on: '' });
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  const chosen = candidates.filter((c) => picked.includes(c.code));
  const level = form.level || chosen[0]?.level || 'phuong';
  const toggle = (code: string) =>
    setPicked((p) => (p.includes(code) ? p.filter((c) => c !== code) : [...p, code]));

  /** What the server would refuse anyway, said before the confirmation step. */
  const review = (e: FormEvent) => {
    e.preventDefault();
    const problems = [
      chosen.length < 2 && {
        field: 'predecessorCodes',
        message: t('Chọn ít nhất hai đơn vị để hợp nhất', 'Pick at least two units to merge'),
      },
      !form.name.trim() && { field: 'name', message: t('Cần tên đơn vị mới', 'Name the new unit') },
      !form.code.trim() && { field: 'code', message: t('Cần mã đơn vị mới', 'Give the new unit a code') },
      !form.on && { field: 'on', message: t('Cần ngày hợp nhất', 'Give the date of the merger') },
    ].filter((p): p is { field: string; message: string } => Boolean(p));
    if (problems.length) {
      setError(
        new ApiError(400, 'invalid', t('Chưa đủ thông tin để hợp nhất', 'Not enough to merge yet'), problems),
      );
      return;
    }
    setError(undefined);
    setConfirming(true);
  };

  const merge = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.post('/units/merge', {
        code: form.code.trim(),
        name: form.name,
        level,
        parentCode: parent.code,
        predecessorCodes: chosen.map((c) => c.code),
        on: form.on,
      });
      onDone({
        code: form.code.trim(),
        name: form.name,
        on: form.on,
        predecessors: chosen.map((c) => c.name),
      });
    } catch (err) {
      setError(asApiError(err));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  const pickedError = error?.field('predecessorCodes');
  return (
    <form className="subform" onSubmit={review} noValidate aria-labelledby={`merge-${parent.code}`}>
      <h3 id={`merge-${parent.code}`}>
        {t(`Hợp nhất các đơn vị thuộc ${parent.name}`, `Merge units of ${parent.name}`)}
      </h3>
      <fieldset className="checks" aria-describedby={pickedError ? 'merge-picked-msg' : undefined}>
        <legend>
          {t('Các đơn vị hợp nhất (hết hiệu lực từ ngày hợp nhất)', 'Units merged (they end on the date)')}
        </legend>
        {candidates.map((c) => (
          <label key={c.code}>
            <input
              type="checkbox"
              checked={picked.includes(c.code)}
              onChange={() => toggle(c.code)}
              disabled={confirming}
            />
            {c.name} <span className="muted small">({c.code})</span>
          </label>
        ))}
        {pickedError && (
          <span className="field-message" id="merge-picked-msg" role="alert">
            {pickedError}
          </span>
        )}
      </fieldset>
      <div className="grid-2">
        <Field label={t('Tên đơn vị mới', 'New unit’s name')} error={error?.field('name')}>
          {(p) => <input {...p} value={form.name} onChange={set('name')} disabled={confirming} />}
        </Field>
        <Field label={t('Mã đơn vị mới', 'New unit’s code')} error={error?.field('code')}>
          {(p) => <input {...p} value={form.code} onChange={set('code')} disabled={confirming} />}
        </Field>
        <ChoiceField
          label={t('Cấp', 'Level')}
          error={error?.field('level')}
          value={level}
          onChange={set('level')}
          choices={levelChoices(lang)}
          disabled={confirming}
        />
        <Field label={t('Hợp nhất từ ngày', 'Merged from')} error={error?.field('on')}>
          {(p) => <input {...p} type="date" value={form.on} onChange={set('on')} disabled={confirming} />}
        </Field>
      </div>
      <ErrorBanner error={error} shownFields={SHOWN} />
      {confirming ? (
        <div
          className="confirm"
          role="alertdialog"
          aria-labelledby="merge-confirm-title"
          aria-describedby="merge-confirm-text"
        >
          <h4 id="merge-confirm-title">{t('Xác nhận hợp nhất', 'Confirm the merger')}</h4>
          <p id="merge-confirm-text">
            {t(
              `Từ ngày ${formatDate(form.on)}, ${chosen.map((c) => c.name).join(', ')} hợp nhất thành ${form.name} (${form.code}) thuộc ${parent.name}. Các đơn vị cũ hết hiệu lực từ ngày đó; số liệu đã ghi của chúng giữ nguyên và được dùng làm số cùng kỳ cho đơn vị mới. Không hoàn tác được bằng thao tác sửa.`,
              `From ${formatDate(form.on)}, ${chosen.map((c) => c.name).join(', ')} merge into ${form.name} (${form.code}) under ${parent.name}. The old units end that day; their recorded figures stay and count as the new unit’s “same period last year”. An edit cannot undo this.`,
            )}
          </p>
          <div className="form-actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void merge()}>
              {t('Hợp nhất', 'Merge')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('Quay lại sửa', 'Back to edit')}
            </button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('Xem lại trước khi hợp nhất', 'Review the merger')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('Hủy', 'Cancel')}
          </button>
        </div>
      )}
    </form>
  );
}
