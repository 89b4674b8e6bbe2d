import { type FormEvent, useState } from 'react';
import { ApiError, api, asApiError } from '../../api';
import { fieldLabel, formatNumber } from '../../format';
import { useLang } from '../../i18n';
import type { PlanDetail, PlanIndicator } from '../../types';
import { useApi } from '../../use-api';
import { ErrorBanner, Field } from '../ui';
import { NewIndicator } from './NewIndicator';
import { baselineOf, DIRECTIONS, FREQUENCIES, KINDS, label, ROLLUPS, short } from './plan-labels';

/** The plan's indicators, and for editors the ways to add one: from the unit's catalogue or new. */
export function IndicatorsSection({
  detail,
  unitCode,
  editable,
  onChanged,
}: {
  detail: PlanDetail;
  unitCode: string;
  editable: boolean;
  onChanged(): void;
}) {
  const { t, lang } = useLang();
  const [adding, setAdding] = useState<'catalogue' | 'new' | null>(null);
  return (
    <section className="card" aria-labelledby="indicators-title">
      <div className="section-head">
        <h2 id="indicators-title">
          {t('Chỉ tiêu của kế hoạch', 'Indicators of the plan')}{' '}
          <span className="muted">({detail.indicators.length})</span>
        </h2>
        {editable && (
          <div className="page-actions">
            <button
              type="button"
              aria-pressed={adding === 'catalogue'}
              onClick={() => setAdding('catalogue')}
            >
              {t('Thêm từ danh mục', 'Add from catalogue')}
            </button>
            <button type="button" aria-pressed={adding === 'new'} onClick={() => setAdding('new')}>
              {t('Tạo chỉ tiêu mới', 'Create an indicator')}
            </button>
          </div>
        )}
      </div>
      {adding === 'catalogue' && (
        <FromCatalogue
          detail={detail}
          unitCode={unitCode}
          onDone={() => {
            setAdding(null);
            onChanged();
          }}
          onCancel={() => setAdding(null)}
        />
      )}
      {adding === 'new' && (
        <NewIndicator
          detail={detail}
          unitCode={unitCode}
          onDone={() => {
            setAdding(null);
            onChanged();
          }}
          onCancel={() => setAdding(null)}
        />
      )}
      {/* Focusable so a keyboard can scroll the table on a phone; it holds no control of its own. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus. */}
      <section className="table-wrap" tabIndex={0} aria-labelledby="indicators-title">
        <table>
          <caption className="sr-only">{t('Chỉ tiêu của kế hoạch', 'Indicators of the plan')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Chỉ tiêu', 'Indicator')}</th>
              <th scope="col">{t('Lĩnh vực', 'Field')}</th>
              <th scope="col">{t('Đơn vị tính', 'Measure')}</th>
              <th scope="col">{t('Loại', 'Kind')}</th>
              <th scope="col">{t('Chiều', 'Direction')}</th>
              <th scope="col">{t('Tổng hợp', 'Roll-up')}</th>
              <th scope="col">{t('Báo cáo', 'Reported')}</th>
              <th scope="col" className="num">
                {t('Số lẻ', 'Decimals')}
              </th>
              <th scope="col" className="num">
                {t('Số đầu năm', 'Baseline')}
              </th>
            </tr>
          </thead>
          <tbody>
            {detail.indicators.map((i) => (
              <tr key={i.code}>
                <th scope="row" className="name">
                  {i.name}
                  <div className="muted small">{i.code}</div>
                </th>
                <td>{fieldLabel(i.field, lang)}</td>
                <td>{i.measureUnit}</td>
                <td>{short(label(KINDS, i.kind, lang))}</td>
                <td>{label(DIRECTIONS, i.direction, lang)}</td>
                <td>{short(label(ROLLUPS, i.rollup, lang))}</td>
                <td>{short(label(FREQUENCIES, i.frequency, lang))}</td>
                <td className="num">{i.decimals}</td>
                <td className="num">{formatNumber(i.baseline, lang, i.decimals)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}

/** The unit's catalogue, less what the plan already has. A code typed by hand works too. */
function useCatalogue(detail: PlanDetail, unitCode: string): PlanIndicator[] {
  const catalogue = useApi(
    () => api.get<{ items: PlanIndicator[] }>('/indicators', { owner: unitCode }).then((r) => r.items),
    [unitCode],
  );
  const inPlan = new Set(detail.indicators.map((i) => i.code));
  return (catalogue.data ?? []).filter((i) => !inPlan.has(i.code));
}

function FromCatalogue({
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
  const catalogue = useCatalogue(detail, unitCode);
  const [code, setCode] = useState('');
  const [baseline, setBaseline] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const b = baselineOf(baseline, lang);
    if (b === 'invalid') {
      const message = t('Số đầu năm không phải là số', 'The baseline is not a number');
      setError(new ApiError(400, 'invalid', message, [{ field: 'baseline', message }]));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`/plans/${encodeURIComponent(detail.plan.code)}/indicators`, {
        indicatorCode: code.trim(),
        ...(b === undefined ? {} : { baseline: b }),
      });
      onDone();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="subform"
      onSubmit={submit}
      noValidate
      aria-label={t('Thêm từ danh mục', 'Add from catalogue')}
    >
      <div className="grid-2">
        <Field
          label={t('Chỉ tiêu trong danh mục', 'Catalogue indicator')}
          error={error?.field('indicatorCode')}
          hint={
            catalogue.length
              ? t('Chọn hoặc gõ mã chỉ tiêu', 'Pick or type the indicator code')
              : t(
                  'Các kế hoạch khác của đơn vị không có chỉ tiêu nào chưa dùng; gõ mã nếu biết',
                  'No unused indicator in the unit’s other plans; type a code if you know it',
                )
          }
        >
          {(p) => (
            <>
              <input {...p} list="catalogue-codes" value={code} onChange={(e) => setCode(e.target.value)} />
              <datalist id="catalogue-codes">
                {catalogue.map((i) => (
                  <option key={i.code} value={i.code}>
                    {i.name} ({i.measureUnit})
                  </option>
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label={t('Số đầu năm (nếu có)', 'Baseline (if any)')} error={error?.field('baseline')}>
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={baseline}
              onChange={(e) => setBaseline(e.target.value)}
            />
          )}
        </Field>
      </div>
      <ErrorBanner error={error} shownFields={['indicatorCode', 'baseline']} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !code.trim()}>
          {t('Đưa vào kế hoạch', 'Add to the plan')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('Hủy', 'Cancel')}
        </button>
      </div>
    </form>
  );
}
