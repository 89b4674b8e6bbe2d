import { type ClipboardEvent, type KeyboardEvent, useEffect, useMemo, useState } from 'react';
import { type ApiError, api, asApiError } from '../api';
import { EntryCell } from '../components/entry/EntryCell';
import {
  cellKey,
  clipboardCells,
  type Draft,
  figureIndex,
  mayRecord,
  readCell,
} from '../components/entry/grid-model';
import { SelectionBar } from '../components/SelectionBar';
import { ErrorBanner, Loading, PageTitle } from '../components/ui';
import { fieldLabel, formatDateTime, formatNumber, monthLabel } from '../format';
import { useLang } from '../i18n';
import { flattenUnits, useSelection } from '../selection';
import { useSession } from '../session';
import type { Figure, PlanIndicator, Unit } from '../types';
import { useApi } from '../use-api';
import type { ReportingCalendar } from './reporting.types';

/**
 * The month's figures as a sheet: indicators down, the unit and the units under it across.
 * Typed like Excel (arrows, Enter, paste a block), saved all together, nothing typed is lost
 * when the server refuses or someone else changed a figure meanwhile.
 */
export function DataEntry() {
  const { t, lang } = useLang();
  const s = useSelection();
  const { session } = useSession();
  const [cumulative, setCumulative] = useState(false);
  const [status, setStatus] = useState<'estimate' | 'official'>('estimate');
  const [drafts, setDrafts] = useState(new Map<string, Draft>());
  const [serverProblems, setServerProblems] = useState(new Map<string, string>());
  const [conflicts, setConflicts] = useState(new Set<string>());
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const all = useMemo(() => flattenUnits(s.units), [s.units]);
  const unit = all.find((u) => u.code === s.unitCode);
  const columns: Unit[] = useMemo(
    () => (unit ? [unit, ...unit.children.filter((c) => validIn(c, s.period))] : []),
    [unit, s.period],
  );
  // Rows in the order they are shown (grouped by field), so arrows and pasted blocks follow the eye.
  const indicators = useMemo(() => {
    const list = s.plan?.indicators ?? [];
    const order = [...new Set(list.map((i) => i.field))];
    return order.flatMap((f) => list.filter((i) => i.field === f));
  }, [s.plan]);
  const levels = useMemo(
    () => new Set(indicators.filter((i) => i.kind === 'level').map((i) => i.code)),
    [indicators],
  );
  const figures = useApi(
    () =>
      s.planCode && s.period && s.unitCode
        ? api.get<{ items: Figure[] }>('/figures', { plan: s.planCode, period: s.period, unit: s.unitCode })
        : Promise.resolve({ items: [] }),
    [s.planCode, s.period, s.unitCode],
  );
  const calendar = useApi(
    () =>
      s.planCode
        ? api.get<ReportingCalendar>(`/plans/${encodeURIComponent(s.planCode)}/reporting`)
        : Promise.resolve(undefined),
    [s.planCode],
  );
  const lock = calendar.data?.locks.find((l) => l.period === s.period);
  // Figures just saved, shown at once; the reloaded month replaces them when it arrives.
  const [justSaved, setJustSaved] = useState(new Map<string, Figure>());
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh month from the server supersedes them.
  useEffect(() => setJustSaved(new Map()), [figures.data]);
  const current = useMemo(() => {
    const index = figureIndex(figures.data?.items ?? [], cumulative, levels);
    for (const [key, figure] of justSaved) index.set(key, figure);
    return index;
  }, [figures.data, cumulative, levels, justSaved]);
  const writable = useMemo(
    () =>
      new Set(lock ? [] : columns.filter((u) => mayRecord(u, session?.roles ?? [], all)).map((u) => u.code)),
    [columns, session, all, lock],
  );

  // A new month, unit or view starts clean; typed values of the old one would land in the wrong place.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset exactly when the sheet changes.
  useEffect(() => {
    setDrafts(new Map());
    setServerProblems(new Map());
    setConflicts(new Set());
    setError(undefined);
  }, [s.planCode, s.period, s.unitCode, cumulative]);

  const pending = [...drafts.entries()].filter(([, d]) => d.text.trim() !== '' || d.value !== null);
  useEffect(() => {
    if (pending.length === 0) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [pending.length]);

  const indicatorOf = (code: string) => indicators.find((i) => i.code === code) as PlanIndicator;
  const edit = (changes: [string, string][]) => {
    setSaved(null);
    setDrafts((old) => {
      const next = new Map(old);
      for (const [key, text] of changes) {
        const [code] = key.split('|');
        const figure = current.get(key);
        if (
          figure &&
          text.trim() !== '' &&
          readCell(text, indicatorOf(code ?? ''), lang).value === figure.value
        ) {
          next.delete(key);
        } else if (!figure && text.trim() === '') next.delete(key);
        else next.set(key, readCell(text, indicatorOf(code ?? ''), lang));
      }
      return next;
    });
    setServerProblems((old) => {
      const next = new Map(old);
      for (const [key] of changes) next.delete(key);
      return next;
    });
  };

  const refused = (u: Unit) =>
    setNotice(
      lock
        ? t(
            `${monthLabel(s.period ?? '', lang)} đã khóa sau kiểm điểm; chỉ quản trị viên mở lại được.`,
            'This month is locked after its review; only an administrator can reopen it.',
          )
        : t(`Bạn không có quyền nhập số liệu cho ${u.name}.`, `You may not record figures for ${u.name}.`),
    );

  const save = async () => {
    const rows = pending.filter(([, d]) => d.problem === null && d.value !== null);
    if (rows.length === 0 || !s.planCode || !s.period) return;
    setBusy(true);
    setError(undefined);
    try {
      const body = rows.map(([key, d]) => {
        const [indicatorCode = '', unitCode = ''] = key.split('|');
        return {
          planCode: s.planCode,
          indicatorCode,
          unitCode,
          period: s.period,
          value: d.value,
          cumulative: cumulative && !levels.has(indicatorCode),
          status,
          source: 'manual',
          ...(current.get(key) ? { revision: current.get(key)?.revision } : {}),
        };
      });
      const res = await api.post<{ recorded: number; figures: Figure[] }>('/figures/bulk', { figures: body });
      setJustSaved(new Map(rows.map(([key], i) => [key, res.figures[i] as Figure])));
      setDrafts((old) => {
        const next = new Map(old);
        for (const [key] of rows) next.delete(key);
        return next;
      });
      setConflicts(new Set());
      setSaved(res.recorded);
      figures.reload();
    } catch (err) {
      const e = asApiError(err);
      const problems = new Map<string, string>();
      const stale = new Set<string>();
      for (const f of e.fields) {
        const entry = f.row ? rows[f.row - 1] : undefined;
        if (!entry) continue;
        problems.set(entry[0], f.message);
        if (f.field === 'revision') stale.add(entry[0]);
      }
      setServerProblems(problems);
      setConflicts(stale);
      // Someone else wrote meanwhile: show their numbers next to ours, keep ours typed.
      if (stale.size > 0 || e.status === 409) figures.reload();
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const focusCell = (r: number, c: number) => {
    const el = document.querySelector<HTMLInputElement>(`input[data-r="${r}"][data-c="${c}"]`);
    if (el) {
      el.focus();
      el.select();
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, r: number, c: number, key: string) => {
    const el = e.currentTarget;
    const atStart = el.selectionStart === 0 && el.selectionEnd === 0;
    const atEnd = el.selectionStart === el.value.length;
    if (e.key === 'ArrowDown' || (e.key === 'Enter' && !e.shiftKey)) focusCell(r + 1, c);
    else if (e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey)) focusCell(r - 1, c);
    else if (e.key === 'ArrowLeft' && atStart) focusCell(r, c - 1);
    else if (e.key === 'ArrowRight' && atEnd) focusCell(r, c + 1);
    else if (e.key === 'Escape') {
      edit([[key, current.has(key) ? formatNumber(current.get(key)?.value, lang, 6) : '']]);
      return;
    } else return;
    e.preventDefault();
  };
  const onPaste = (e: ClipboardEvent<HTMLInputElement>, r: number, c: number) => {
    const block = clipboardCells(e.clipboardData.getData('text/plain'));
    if (!block) return;
    e.preventDefault();
    const changes: [string, string][] = [];
    block.forEach((cells, dr) => {
      cells.forEach((text, dc) => {
        const indicator = indicators[r + dr];
        const u = columns[c + dc];
        if (indicator && u && writable.has(u.code)) changes.push([cellKey(indicator.code, u.code), text]);
      });
    });
    edit(changes);
  };

  const fields = [...new Set(indicators.map((i) => i.field))];
  const invalid = pending.filter(([, d]) => d.problem !== null).length;

  return (
    <>
      <PageTitle>{t('Nhập số liệu', 'Data entry')}</PageTitle>
      <SelectionBar />
      <div className="filters">
        <label>
          <span>{t('Cách nhập', 'Values are')}</span>
          <select
            value={cumulative ? 'lk' : 'month'}
            onChange={(e) => setCumulative(e.target.value === 'lk')}
          >
            <option value="month">{t('Số của riêng tháng', 'For the month only')}</option>
            <option value="lk">{t('Lũy kế từ đầu năm', 'Running total since January')}</option>
          </select>
        </label>
        <label>
          <span>{t('Tình trạng số liệu', 'Figures are')}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as 'estimate' | 'official')}>
            <option value="estimate">{t('Ước thực hiện', 'Estimates')}</option>
            <option value="official">{t('Chính thức', 'Official')}</option>
          </select>
        </label>
        <div className="save-bar">
          <button
            type="button"
            className="primary"
            disabled={busy || pending.length === 0 || invalid > 0}
            onClick={save}
          >
            {t(`Lưu ${pending.length} số liệu`, `Save ${pending.length} figures`)}
          </button>
          {pending.length > 0 && (
            <button type="button" onClick={() => setDrafts(new Map())} disabled={busy}>
              {t('Bỏ các thay đổi', 'Discard changes')}
            </button>
          )}
        </div>
      </div>
      <p className="muted small">
        {t(
          'Gõ số theo kiểu Việt Nam (2.404 hoặc 99,273); mũi tên, Enter để di chuyển; dán cả vùng từ Excel; Esc để trả lại số cũ.',
          'Type Vietnamese numbers (2.404 or 99,273); arrows and Enter move; paste a block from Excel; Esc restores.',
        )}
      </p>
      <div aria-live="polite">
        {saved !== null && (
          <p className="banner banner-ok">
            {t(`Đã lưu ${saved} số liệu ${monthLabel(s.period ?? '', lang)}.`, `Saved ${saved} figures.`)}
          </p>
        )}
        {notice && (
          <p className="banner banner-error" role="alert">
            {notice}
          </p>
        )}
      </div>
      {lock && (
        <p className="banner banner-error">
          {t(
            `${monthLabel(s.period ?? '', lang)} đã khóa lúc ${formatDateTime(lock.lockedAt, lang)}${lock.lockedByName ? ` (${lock.lockedByName})` : ''}: số liệu chỉ để xem.`,
            `${monthLabel(s.period ?? '', lang)} was locked on ${formatDateTime(lock.lockedAt, lang)}: figures are read-only.`,
          )}
        </p>
      )}
      <ErrorBanner error={error} />
      {conflicts.size > 0 && (
        <p className="banner banner-error">
          {t(
            'Có số liệu vừa được người khác sửa. Các ô đánh dấu ⚠ cho thấy số mới trên máy chủ; bấm "Giữ số tôi nhập" rồi Lưu, hoặc "Lấy số trên máy chủ".',
            'Someone else changed some figures. Cells marked ⚠ show the server value; keep yours and save again, or take theirs.',
          )}
        </p>
      )}
      {(!s.plan || figures.loading) && !figures.data && <Loading />}
      {s.plan && columns.length > 0 && (
        <div className="table-wrap grid-wrap">
          <table className="entry-grid">
            <caption className="sr-only">
              {t('Bảng nhập số liệu', 'Data entry sheet')} {monthLabel(s.period ?? '', lang)}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="sticky-col">
                  {t('Chỉ tiêu', 'Indicator')}
                </th>
                {columns.map((u) => (
                  <th key={u.code} scope="col" className={writable.has(u.code) ? '' : 'readonly'}>
                    {u.name}
                  </th>
                ))}
              </tr>
            </thead>
            {fields.map((field) => (
              <tbody key={field}>
                <tr className="group">
                  <th scope="colgroup" colSpan={columns.length + 1}>
                    {fieldLabel(field, lang)}
                  </th>
                </tr>
                {indicators.map((indicator, r) =>
                  indicator.field !== field ? null : (
                    <tr key={indicator.code}>
                      <th scope="row" className="sticky-col name">
                        {indicator.name} <span className="muted">({indicator.measureUnit})</span>
                      </th>
                      {columns.map((u, c) => {
                        const key = cellKey(indicator.code, u.code);
                        const draft = drafts.get(key);
                        return (
                          <EntryCell
                            key={u.code}
                            row={r}
                            column={c}
                            label={`${indicator.name} — ${u.name}`}
                            figure={current.get(key)}
                            draft={draft}
                            problem={draft?.problem ?? serverProblems.get(key) ?? null}
                            conflict={conflicts.has(key)}
                            writable={writable.has(u.code)}
                            onType={(text) => edit([[key, text]])}
                            onKeyDown={(e) => {
                              if (!writable.has(u.code) && /^[\d.,-]$/.test(e.key)) refused(u);
                              onKeyDown(e, r, c, key);
                            }}
                            onPaste={(e) => onPaste(e, r, c)}
                            onResolve={(keepMine) => {
                              const figure = current.get(key);
                              if (!keepMine && figure) edit([[key, formatNumber(figure.value, lang, 6)]]);
                              setConflicts((x) => new Set([...x].filter((k) => k !== key)));
                            }}
                          />
                        );
                      })}
                    </tr>
                  ),
                )}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </>
  );
}

function validIn(u: Unit, period: string | undefined): boolean {
  if (!period) return true;
  const first = `${period}-01`;
  return (!u.validFrom || u.validFrom <= `${period}-31`) && (!u.validTo || u.validTo >= first);
}
