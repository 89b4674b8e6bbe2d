import type { ReactNode } from 'react';
import { useLang } from '../../i18n';

/**
 * A list typed row by row (agenda items, attendees, conclusion items): add a row, remove one.
 * The server names a row's problem by its place ("agenda.2"), which `children` shows in place.
 */
export function Rows<T extends { rowKey: number }>({
  title,
  hint,
  rows,
  onChange,
  blankRow,
  addLabel,
  error,
  children,
}: {
  title: string;
  hint?: string;
  rows: T[];
  onChange(rows: T[]): void;
  blankRow(): T;
  addLabel: string;
  error?: string | undefined;
  children(row: T, i: number, set: (patch: Partial<T>) => void): ReactNode;
}) {
  const { t } = useLang();
  const set = (i: number) => (patch: Partial<T>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <section className="card rows">
      <h2>{title}</h2>
      {hint && <p className="muted small">{hint}</p>}
      {error && (
        <p className="field-message" role="alert">
          {error}
        </p>
      )}
      {rows.length > 0 && (
        <ol>
          {rows.map((row, i) => (
            <li key={row.rowKey}>
              <div className="row-fields">{children(row, i, set(i))}</div>
              <button
                type="button"
                className="link remove"
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                {t('Bỏ', 'Remove')}
                <span className="sr-only">{t(` dòng ${i + 1}`, ` row ${i + 1}`)}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      <button type="button" onClick={() => onChange([...rows, blankRow()])}>
        + {addLabel}
      </button>
    </section>
  );
}
