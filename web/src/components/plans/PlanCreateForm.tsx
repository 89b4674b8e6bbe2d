import { type FormEvent, useState } from 'react';
import { type ApiError, api, asApiError } from '../../api';
import { useLang } from '../../i18n';
import { navigate } from '../../router';
import { flattenUnits, useSelection } from '../../selection';
import { useSession } from '../../session';
import { ErrorBanner, Field } from '../ui';
import { unitOptionLabel, unitsWithRole } from '../units/unit-labels';
import { BASES, basisLabel } from './plan-labels';

const SHOWN = [
  'unitCode',
  'year',
  'code',
  'name',
  'issuingBody',
  'documentNumber',
  'adoptedOn',
  'defaultBasis',
];

/** A new year's resolution for a unit the person edits; the code is suggested from unit and year. */
export function PlanCreateForm({ onCancel }: { onCancel(): void }) {
  const { t, lang } = useLang();
  const { session } = useSession();
  const s = useSelection();
  const units = unitsWithRole(flattenUnits(s.units), session?.roles ?? [], 'editor');
  const [form, setForm] = useState({
    unitCode: units[0]?.code ?? '',
    year: String(new Date().getFullYear()),
    code: '',
    name: '',
    issuingBody: '',
    documentNumber: '',
    adoptedOn: '',
    defaultBasis: 'NQ',
  });
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  const suggestedCode = form.unitCode && form.year ? `${form.unitCode}-${form.year}` : '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const code = form.code.trim() || suggestedCode;
    try {
      await api.post('/plans', {
        code,
        name: form.name,
        year: Number(form.year),
        unitCode: form.unitCode,
        issuingBody: form.issuingBody,
        defaultBasis: form.defaultBasis,
        ...(form.documentNumber.trim() ? { documentNumber: form.documentNumber } : {}),
        ...(form.adoptedOn ? { adoptedOn: form.adoptedOn } : {}),
      });
      navigate(`/plans/${encodeURIComponent(code)}`);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="new-plan-title">
      <h2 id="new-plan-title">{t('Kế hoạch mới', 'New plan')}</h2>
      <div className="grid-2">
        <Field label={t('Đơn vị', 'Unit')} error={error?.field('unitCode')}>
          {(p) => (
            <select {...p} value={form.unitCode} onChange={set('unitCode')}>
              {units.map((u) => (
                <option key={u.code} value={u.code}>
                  {unitOptionLabel(u, units[0]?.depth)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('Năm', 'Year')} error={error?.field('year')}>
          {(p) => <input {...p} inputMode="numeric" value={form.year} onChange={set('year')} />}
        </Field>
        <Field label={t('Tên kế hoạch', 'Name')} error={error?.field('name')}>
          {(p) => (
            <input
              {...p}
              value={form.name}
              onChange={set('name')}
              placeholder={t('Nghị quyết về nhiệm vụ năm …', 'Resolution on the tasks of …')}
            />
          )}
        </Field>
        <Field
          label={t('Mã kế hoạch', 'Plan code')}
          error={error?.field('code')}
          hint={t(`Để trống: ${suggestedCode}`, `Leave empty for ${suggestedCode}`)}
        >
          {(p) => <input {...p} value={form.code} onChange={set('code')} placeholder={suggestedCode} />}
        </Field>
        <Field label={t('Cơ quan ban hành', 'Issuing body')} error={error?.field('issuingBody')}>
          {(p) => (
            <input
              {...p}
              value={form.issuingBody}
              onChange={set('issuingBody')}
              placeholder={t('Thành ủy …', 'e.g. Thành ủy …')}
            />
          )}
        </Field>
        <Field label={t('Số văn bản', 'Document number')} error={error?.field('documentNumber')}>
          {(p) => (
            <input
              {...p}
              value={form.documentNumber}
              onChange={set('documentNumber')}
              placeholder="Số 05-NQ/TU"
            />
          )}
        </Field>
        <Field label={t('Ngày ban hành', 'Adopted on')} error={error?.field('adoptedOn')}>
          {(p) => <input {...p} type="date" value={form.adoptedOn} onChange={set('adoptedOn')} />}
        </Field>
        <Field label={t('Căn cứ mặc định', 'Default basis')} error={error?.field('defaultBasis')}>
          {(p) => (
            <select {...p} value={form.defaultBasis} onChange={set('defaultBasis')}>
              {BASES.map((b) => (
                <option key={b} value={b}>
                  {basisLabel(b, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ErrorBanner error={error} shownFields={SHOWN} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('Tạo kế hoạch', 'Create plan')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('Hủy', 'Cancel')}
        </button>
      </div>
    </form>
  );
}
