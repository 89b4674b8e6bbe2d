import { formatPercent, statusLabel } from '../format';
import { useLang } from '../i18n';
import type { IndicatorProgress, ProgressStatus } from '../types';

/**
 * "% NQ" as a bar coloured by status, with a tick where the expected pace stands today: a bar
 * that ends left of its tick is behind, whatever its colour says.
 */
export function ProgressBar({
  percent,
  expected,
  status,
}: {
  percent: number | null;
  expected: number | null;
  status: ProgressStatus;
}) {
  const { lang, t } = useLang();
  const width = Math.max(0, Math.min(100, percent ?? 0));
  const label = `${formatPercent(percent, lang)} ${t('chỉ tiêu', 'of target')}; ${t('dự kiến', 'expected')} ${formatPercent(expected, lang)}; ${statusLabel(status, lang)}`;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a native <meter> cannot carry the expected-pace tick.
    <div
      className={`bar bar-${status}`}
      role="meter"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(width)}
      aria-label={label}
      title={label}
    >
      <div className="bar-fill" style={{ width: `${width}%` }} />
      {expected !== null && (
        <div className="bar-marker" style={{ left: `${Math.max(0, Math.min(100, expected))}%` }} />
      )}
    </div>
  );
}

export function StatusBadge({ status }: { status: ProgressStatus }) {
  const { lang } = useLang();
  return <span className={`badge badge-${status}`}>{statusLabel(status, lang)}</span>;
}

/**
 * "% kế hoạch" as every table shows it: the bar and the number, or, for a unit given no target
 * of its own, saying so instead of an empty bar.
 */
export function PercentOfTarget({
  p,
  strong = false,
}: {
  p: Pick<IndicatorProgress, 'target' | 'percentOfTarget' | 'expectedPercent' | 'status'>;
  strong?: boolean;
}) {
  const { lang, t } = useLang();
  if (p.target === null)
    return <span className="muted small">{t('chưa giao chỉ tiêu', 'no target set')}</span>;
  return (
    <div className="bar-cell">
      <ProgressBar percent={p.percentOfTarget} expected={p.expectedPercent} status={p.status} />
      <span className={strong ? 'num strong' : 'num'}>{formatPercent(p.percentOfTarget, lang)}</span>
    </div>
  );
}
