import { type FormEvent, useState } from 'react';
import { type ApiError, api, asApiError } from '../../api';
import { formatDate } from '../../format';
import { useLang } from '../../i18n';
import type { PlanDetail } from '../../types';
import { ErrorBanner, Field } from '../ui';
import { ConflictNote, type ConflictRow, reconcile } from './ConflictNote';
import { BASES, basisLabel } from './plan-labels';

type Plan = PlanDetail['plan'];
type Form = {
  name: string;
  documentNumber: string;
  adoptedOn: string;
  defaultBasis: string;
};

const SHOWN = ['name', 'documentNumber', 'adoptedOn', 'defaultBasis', 'version'];
const formOf = (p: Plan): Form => ({
  name: p.name,
  documentNumber: p.documentNumber ?? '',
  adoptedOn: p.adoptedOn ?? '',
  defaultBasis: p.defaultBasis,
});

/**
 * The plan's own fields. Year, unit and issuing body stay fixed (figures and targets are keyed by
 * them), so they are shown as text. Saving sends the version seen; a 409 keeps what was typed.
 */
export function PlanFieldsForm({
  plan,
  unitName,
  editable,
  onSaved,
}: {
  plan: Plan;
  unitName: string;
  editable: boolean;
  onSaved(): void;
}) {
  const { t, lang } = useLang();
  const [form, setForm] = useState<Form>(() => formOf(plan));
  // What the form started from, to tell the fields typed in from those left alone.
  const [base, setBase] = useState<Form>(() => formOf(plan));
  const [version, setVersion] = useState(plan.version);
  const [error, setError] = useState<ApiError>();
  const [conflict, setConflict] = useState<ConflictRow[] | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof Form) => (e: { target: { value: string } }) => {
    setSaved(false);
    setForm((f) => ({ ...f, [k]: e.target.value }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      const stored = await api.patch<Plan>(`/plans/${encodeURIComponent(plan.code)}`, {
        name: form.name,
        documentNumber: form.documentNumber.trim() || null,
        adoptedOn: form.adoptedOn || null,
        defaultBasis: form.defaultBasis,
        version,
      });
      setVersion(stored.version);
      setBase(formOf(stored));
      setConflict(null);
      setSaved(true);
      onSaved();
    } catch (err) {
      const apiError = asApiError(err);
      if (apiError.status === 409) {
        // Read what is stored now; typed values stay, untouched fields take the stored ones.
        const current = (await api.get<PlanDetail>(`/plans/${encodeURIComponent(plan.code)}`)).plan;
        const now = formOf(current);
        const merged = reconcile(
          base,
          form,
          now,
          {
            name: t('Tên kế hoạch', 'Name'),
            documentNumber: t('Số văn bản', 'Document number'),
            adoptedOn: t('Ngày ban hành', 'Adopted on'),
            defaultBasis: t('Căn cứ mặc định', 'Default basis'),
          },
          t('(bạn không sửa; đã lấy giá trị mới)', '(not changed by you; now shown)'),
          (k, v) => (k === 'adoptedOn' ? formatDate(v) : v),
        );
        setVersion(current.version);
        setBase(now);
        setForm(merged.form);
        setConflict(merged.rows);
      } else setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  const fixed = (
    <dl className="facts">
      <div>
        <dt>{t('Mã', 'Code')}</dt>
        <dd>{plan.code}</dd>
      </div>
      <div>
        <dt>{t('Năm', 'Year')}</dt>
        <dd>{plan.year}</dd>
      </div>
      <div>
        <dt>{t('Đơn vị', 'Unit')}</dt>
        <dd>{unitName}</dd>
      </div>
      <div>
        <dt>{t('Cơ quan ban hành', 'Issuing body')}</dt>
        <dd>{plan.issuingBody ?? '–'}</dd>
      </div>
    </dl>
  );

  if (!editable)
    return (
      <section className="card" aria-labelledby="plan-fields-title">
        <h2 id="plan-fields-title">{t('Thông tin kế hoạch', 'About the plan')}</h2>
        {fixed}
        <dl className="facts">
          <div>
            <dt>{t('Số văn bản', 'Document number')}</dt>
            <dd>{plan.documentNumber ?? '–'}</dd>
          </div>
          <div>
            <dt>{t('Ngày ban hành', 'Adopted on')}</dt>
            <dd>{formatDate(plan.adoptedOn)}</dd>
          </div>
          <div>
            <dt>{t('Căn cứ mặc định', 'Default basis')}</dt>
            <dd>{basisLabel(plan.defaultBasis, lang)}</dd>
          </div>
        </dl>
      </section>
    );

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="plan-fields-title">
      <h2 id="plan-fields-title">{t('Thông tin kế hoạch', 'About the plan')}</h2>
      {fixed}
      {conflict && <ConflictNote rows={conflict} />}
      <div className="grid-2">
        <Field label={t('Tên kế hoạch', 'Name')} error={error?.field('name')}>
          {(p) => <input {...p} value={form.name} onChange={set('name')} />}
        </Field>
        <Field label={t('Số văn bản', 'Document number')} error={error?.field('documentNumber')}>
          {(p) => <input {...p} value={form.documentNumber} onChange={set('documentNumber')} />}
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
          {t('Lưu thông tin kế hoạch', 'Save plan details')}
        </button>
        {saved && (
          <span className="saved" role="status">
            {t('Đã lưu.', 'Saved.')}
          </span>
        )}
      </div>
    </form>
  );
}
