import { type FormEvent, useState } from 'react';
import { type ApiError, api, asApiError } from '../../api';
import { formatDate } from '../../format';
import { useLang } from '../../i18n';
import type { Unit } from '../../types';
import { ConflictNote, type ConflictRow, reconcile } from '../plans/ConflictNote';
import { ChoiceField, ErrorBanner, Field } from '../ui';
import { levelChoices } from './unit-labels';

/** A unit below `parent`: a new ward, a department of the city committee. */
export function AddChildForm({
  parent,
  onDone,
  onCancel,
}: {
  parent: Unit;
  onDone(code: string): void;
  onCancel(): void;
}) {
  const { t, lang } = useLang();
  const [form, setForm] = useState({ code: '', name: '', level: 'phuong', validFrom: '' });
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.post('/units', {
        code: form.code.trim(),
        name: form.name,
        level: form.level,
        parentCode: parent.code,
        ...(form.validFrom ? { validFrom: form.validFrom } : {}),
      });
      onDone(form.code.trim());
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="subform" onSubmit={submit} noValidate aria-labelledby={`add-${parent.code}`}>
      <h3 id={`add-${parent.code}`}>
        {t(`Thêm đơn vị trực thuộc ${parent.name}`, `Add a unit under ${parent.name}`)}
      </h3>
      <div className="grid-2">
        <Field label={t('Tên đơn vị', 'Name')} error={error?.field('name')}>
          {(p) => <input {...p} value={form.name} onChange={set('name')} />}
        </Field>
        <Field
          label={t('Mã đơn vị', 'Code')}
          error={error?.field('code')}
          hint={t('Chữ không dấu, số, gạch ngang', 'Letters, digits, dashes')}
        >
          {(p) => <input {...p} value={form.code} onChange={set('code')} />}
        </Field>
        <ChoiceField
          label={t('Cấp', 'Level')}
          error={error?.field('level')}
          value={form.level}
          onChange={set('level')}
          choices={levelChoices(lang)}
        />
        <Field label={t('Có hiệu lực từ (nếu có)', 'Valid from (if any)')} error={error?.field('validFrom')}>
          {(p) => <input {...p} type="date" value={form.validFrom} onChange={set('validFrom')} />}
        </Field>
      </div>
      <ErrorBanner error={error} shownFields={['code', 'name', 'level', 'validFrom', 'parentCode']} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('Thêm đơn vị', 'Add unit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('Hủy', 'Cancel')}
        </button>
      </div>
    </form>
  );
}

/** Rename a unit or end it (empty end date reopens one ended by mistake), from the version seen. */
export function EditUnitForm({
  unit,
  onDone,
  onCancel,
}: {
  unit: Unit;
  onDone(code: string): void;
  onCancel(): void;
}) {
  const { t } = useLang();
  const [name, setName] = useState(unit.name);
  const [validTo, setValidTo] = useState(unit.validTo ?? '');
  const [version, setVersion] = useState(unit.version);
  const [base, setBase] = useState({ name: unit.name, validTo: unit.validTo ?? '' });
  const [conflict, setConflict] = useState<ConflictRow[] | null>(null);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.patch(`/units/${encodeURIComponent(unit.code)}`, {
        name,
        validTo: validTo || null,
        version,
      });
      onDone(unit.code);
    } catch (err) {
      const apiError = asApiError(err);
      if (apiError.status === 409) {
        const tree = await api.get<{ items: Unit[] }>('/units', { root: unit.code });
        const current = tree.items[0];
        if (current) {
          const now = { name: current.name, validTo: current.validTo ?? '' };
          const merged = reconcile(
            base,
            { name, validTo },
            now,
            { name: t('Tên đơn vị', 'Name'), validTo: t('Hết hiệu lực từ', 'Ends on') },
            t('(bạn không sửa; đã lấy giá trị mới)', '(not changed by you; now shown)'),
            (k, v) => (k === 'validTo' ? formatDate(v || null) : v),
          );
          setVersion(current.version);
          setBase(now);
          setName(merged.form.name);
          setValidTo(merged.form.validTo);
          setConflict(merged.rows);
        } else setError(apiError);
      } else setError(apiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="subform" onSubmit={submit} noValidate aria-labelledby={`edit-${unit.code}`}>
      <h3 id={`edit-${unit.code}`}>{t(`Sửa ${unit.name}`, `Edit ${unit.name}`)}</h3>
      {conflict && <ConflictNote rows={conflict} />}
      <div className="grid-2">
        <Field label={t('Tên đơn vị', 'Name')} error={error?.field('name')}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field
          label={t('Hết hiệu lực từ', 'Ends on')}
          error={error?.field('validTo')}
          hint={t('Để trống nếu đơn vị vẫn hoạt động', 'Leave empty while the unit is in force')}
        >
          {(p) => <input {...p} type="date" value={validTo} onChange={(e) => setValidTo(e.target.value)} />}
        </Field>
      </div>
      <ErrorBanner error={error} shownFields={['name', 'validTo']} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('Lưu', 'Save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('Hủy', 'Cancel')}
        </button>
      </div>
    </form>
  );
}
