import { type FormEvent, useState } from 'react';
import { ApiError, api, asApiError } from '../../api';
import { fieldLabel } from '../../format';
import { useLang } from '../../i18n';
import type { PlanDetail } from '../../types';
import { ChoiceField, ErrorBanner, Field } from '../ui';
import { baselineOf, choices, DIRECTIONS, FIELDS, FREQUENCIES, KINDS, ROLLUPS } from './plan-labels';

const NEW_FIELDS = [
  'code',
  'name',
  'field',
  'measureUnit',
  'kind',
  'direction',
  'rollup',
  'frequency',
  'weightIndicatorCode',
  'decimals',
  'baseline',
  'indicatorCode',
];

export function NewIndicator({
  detail,
  unitCode,
  onDone,
  onCancel,
}: {
  detail: PlanDetail;
  unitCode: string;
  onDone(): void;
  onCancel(): void;
}) {
  const { t, lang } = useLang();
  const [form, setForm] = useState({
    code: '',
    name: '',
    field: 'kinh_te',
    measureUnit: '',
    kind: 'flow',
    direction: 'increase',
    rollup: 'sum',
    frequency: 'monthly',
    weightIndicatorCode: '',
    decimals: '2',
    baseline: '',
  });
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  // Once made, the indicator is in the catalogue: a failed second step retries only that step.
  const [made, setMade] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  const fields = [...new Set([...FIELDS, ...detail.indicators.map((i) => i.field)])];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const b = baselineOf(form.baseline, lang);
    if (b === 'invalid') {
      const message = t('Số đầu năm không phải là số', 'The baseline is not a number');
      setError(new ApiError(400, 'invalid', message, [{ field: 'baseline', message }]));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const code = made ?? form.code.trim();
      if (!made) {
        await api.post('/indicators', {
          ownerUnitCode: unitCode,
          code,
          name: form.name,
          field: form.field,
          measureUnit: form.measureUnit,
          kind: form.kind,
          direction: form.direction,
          rollup: form.rollup,
          frequency: form.frequency,
          decimals: Number(form.decimals),
          ...(form.rollup === 'weighted' && form.weightIndicatorCode
            ? { weightIndicatorCode: form.weightIndicatorCode }
            : {}),
        });
        setMade(code);
      }
      await api.post(`/plans/${encodeURIComponent(detail.plan.code)}/indicators`, {
        indicatorCode: code,
        ...(b === undefined ? {} : { baseline: b }),
      });
      onDone();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const codeError = error?.field('code') ?? error?.field('indicatorCode');
  return (
    <form
      className="subform"
      onSubmit={submit}
      noValidate
      aria-label={t('Tạo chỉ tiêu mới', 'Create an indicator')}
    >
      <div className="grid-2">
        <Field label={t('Tên chỉ tiêu', 'Name')} error={error?.field('name')}>
          {(p) => <input {...p} value={form.name} onChange={set('name')} disabled={Boolean(made)} />}
        </Field>
        <Field
          label={t('Mã chỉ tiêu', 'Code')}
          error={codeError}
          hint={t('Chữ không dấu, số, gạch ngang: thu-ngan-sach', 'Letters, digits, dashes: thu-ngan-sach')}
        >
          {(p) => <input {...p} value={form.code} onChange={set('code')} disabled={Boolean(made)} />}
        </Field>
        <ChoiceField
          label={t('Lĩnh vực', 'Field')}
          error={error?.field('field')}
          value={form.field}
          onChange={set('field')}
          choices={fields.map((f) => [f, fieldLabel(f, lang)])}
          disabled={Boolean(made)}
        />
        <Field label={t('Đơn vị tính', 'Measure unit')} error={error?.field('measureUnit')}>
          {(p) => (
            <input
              {...p}
              value={form.measureUnit}
              onChange={set('measureUnit')}
              placeholder="tỷ đồng, %, hộ…"
              disabled={Boolean(made)}
            />
          )}
        </Field>
        <ChoiceField
          label={t('Loại', 'Kind')}
          error={error?.field('kind')}
          value={form.kind}
          onChange={set('kind')}
          choices={choices(KINDS, lang)}
          disabled={Boolean(made)}
        />
        <ChoiceField
          label={t('Chiều đánh giá', 'Direction')}
          error={error?.field('direction')}
          value={form.direction}
          onChange={set('direction')}
          choices={choices(DIRECTIONS, lang)}
          disabled={Boolean(made)}
        />
        <ChoiceField
          label={t('Tổng hợp từ đơn vị trực thuộc', 'Roll-up over units')}
          error={error?.field('rollup')}
          value={form.rollup}
          onChange={set('rollup')}
          choices={choices(ROLLUPS, lang)}
          disabled={Boolean(made)}
        />
        <ChoiceField
          label={t('Tần suất báo cáo', 'Reported')}
          error={error?.field('frequency')}
          value={form.frequency}
          onChange={set('frequency')}
          choices={choices(FREQUENCIES, lang)}
          disabled={Boolean(made)}
        />
        {form.rollup === 'weighted' && (
          <Field
            label={t('Chỉ tiêu làm trọng số', 'Weight indicator')}
            error={error?.field('weightIndicatorCode')}
          >
            {(p) => (
              <select {...p} value={form.weightIndicatorCode} onChange={set('weightIndicatorCode')}>
                <option value="">{t('— chọn —', '— choose —')}</option>
                {detail.indicators.map((i) => (
                  <option key={i.code} value={i.code}>
                    {i.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <ChoiceField
          label={t('Số chữ số thập phân', 'Decimals')}
          error={error?.field('decimals')}
          value={form.decimals}
          onChange={set('decimals')}
          choices={['0', '1', '2', '3', '4', '5', '6'].map((d) => [d, d])}
          disabled={Boolean(made)}
        />
        <Field label={t('Số đầu năm (nếu có)', 'Baseline (if any)')} error={error?.field('baseline')}>
          {(p) => <input {...p} inputMode="decimal" value={form.baseline} onChange={set('baseline')} />}
        </Field>
      </div>
      {made && (
        <p className="muted" role="status">
          {t(
            `Chỉ tiêu "${made}" đã vào danh mục đơn vị; còn bước đưa vào kế hoạch.`,
            `Indicator "${made}" is in the unit’s catalogue; it still needs adding to the plan.`,
          )}
        </p>
      )}
      <ErrorBanner error={error} shownFields={NEW_FIELDS} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('Tạo và đưa vào kế hoạch', 'Create and add to the plan')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('Hủy', 'Cancel')}
        </button>
      </div>
    </form>
  );
}
