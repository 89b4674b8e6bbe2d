import { useLang } from '../../i18n';

export interface ConflictRow {
  label: string;
  /** What the person typed (kept in the form). */
  mine: string;
  /** What is stored now, after someone else's save. */
  theirs: string;
}

/**
 * Shown after a 409: what someone else saved meanwhile next to what this person typed. The form
 * keeps the typed values and now carries the new version, so saving again overwrites knowingly.
 */
export function ConflictNote({ rows }: { rows: ConflictRow[] }) {
  const { t } = useLang();
  return (
    <div className="banner banner-error" role="alert">
      <strong>
        {t(
          'Người khác vừa sửa bản ghi này. Những gì bạn nhập vẫn giữ nguyên; bấm Lưu lần nữa để ghi đè, hoặc sửa lại theo giá trị hiện tại.',
          'Someone else changed this record meanwhile. What you typed is kept; save again to overwrite, or adjust to the current values.',
        )}
      </strong>
      {rows.length > 0 && (
        <table className="conflict-table">
          <thead>
            <tr>
              <th scope="col">{t('Trường', 'Field')}</th>
              <th scope="col">{t('Hiện tại (người khác lưu)', 'Now stored (by someone else)')}</th>
              <th scope="col">{t('Bạn nhập', 'You typed')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td>{r.theirs}</td>
                <td>{r.mine}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** The rows whose stored value differs from the typed one. */
export function differing(rows: ConflictRow[]): ConflictRow[] {
  return rows.filter((r) => r.mine !== r.theirs);
}

/**
 * After a 409, merges three states of a form: what it started from, what was typed, what is
 * stored now. Fields the person left alone take the stored value; typed ones stay. The rows say
 * which fields someone else changed, so nothing is overwritten unseen.
 */
export function reconcile<F extends { [K in keyof F]: string }>(
  base: F,
  typed: F,
  now: F,
  labels: Record<keyof F, string>,
  untouched: string,
  show: (key: keyof F, value: string) => string = (_k, v) => v,
): { form: F; rows: ConflictRow[] } {
  const form = { ...typed };
  const rows: ConflictRow[] = [];
  for (const k of Object.keys(labels) as (keyof F)[]) {
    const theirs = show(k, now[k]);
    if (typed[k] === base[k]) {
      form[k] = now[k];
      if (now[k] !== base[k]) rows.push({ label: labels[k], mine: untouched, theirs });
    } else if (typed[k] !== now[k]) rows.push({ label: labels[k], mine: show(k, typed[k]), theirs });
  }
  return { form, rows };
}
