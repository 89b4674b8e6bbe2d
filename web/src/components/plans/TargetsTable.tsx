import { type KeyboardEvent, useMemo, useState } from 'react';
import { type ApiError, api, asApiError } from '../../api';
import { formatNumber, parseNumber } from '../../format';
import { useLang } from '../../i18n';
import type { PlanDetail, Target, Unit } from '../../types';
import { ErrorBanner, Field } from '../ui';
import { unitOptionLabel } from '../units/unit-labels';
import { BASES, basisLabel } from './plan-labels';

interface Column {
  basis: string;
  issuingBody: string;
}
interface Draft {
  text: string;
  /** The version of the target when typing began; undefined when there was none (a new target). */
  version: number | undefined;
}
type CellNote = { kind: 'problem'; message: string } | { kind: 'conflict'; current: Target | undefined };

const colKey = (c: Column) => `${c.basis}|${c.issuingBody}`;
const ORDER = (b: string) => {
  const i = (BASES as readonly string[]).indexOf(b);
  return i < 0 ? BASES.length : i;
};

/**
 * Targets as a sheet: indicators down, one column per basis × issuing body ("NQ — Thành ủy",
 * "dự toán — HĐND tỉnh"), for the plan's unit or a unit below it. Typed in Vietnamese numbers,
 * saved together; refusals and conflicts stay on their cell with the typed value kept.
 */
export function TargetsTable({
  detail,
  units,
  editable,
  onSaved,
}: {
  detail: PlanDetail;
  units: Unit[];
  editable: boolean;
  onSaved(): void;
}) {
  const { t, lang } = useLang();
  const plan = detail.plan;
  const [unitCode, setUnitCode] = useState(units[0]?.code ?? '');
  const [extra, setExtra] = useState<Column[]>([]);
  const [drafts, setDrafts] = useState(new Map<string, Draft>());
  const [notes, setNotes] = useState(new Map<string, CellNote>());
  const [error, setError] = useState<ApiError>();
  const [savedCount, setSavedCount] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const columns = useMemo(() => {
    const all = new Map<string, Column>();
    const add = (c: Column) => all.set(colKey(c), c);
    add({ basis: plan.defaultBasis, issuingBody: plan.issuingBody ?? '' });
    for (const x of detail.targets) add({ basis: x.basis, issuingBody: x.issuingBody ?? '' });
    for (const c of extra) add(c);
    return [...all.values()].sort(
      (a, b) => ORDER(a.basis) - ORDER(b.basis) || a.issuingBody.localeCompare(b.issuingBody, 'vi'),
    );
  }, [detail.targets, plan, extra]);

  const key = (indicatorCode: string, c: Column) => `${indicatorCode}|${unitCode}|${colKey(c)}`;
  const targetAt = (indicatorCode: string, c: Column, unit = unitCode, list = detail.targets) =>
    list.find(
      (x) =>
        x.indicatorCode === indicatorCode &&
        x.unitCode === unit &&
        x.basis === c.basis &&
        (x.issuingBody ?? '') === c.issuingBody,
    );

  const edit = (indicatorCode: string, c: Column, text: string) => {
    setSavedCount(null);
    const k = key(indicatorCode, c);
    setDrafts((old) => {
      const next = new Map(old);
      const version = old.has(k) ? old.get(k)?.version : targetAt(indicatorCode, c)?.version;
      next.set(k, { text, version });
      return next;
    });
    setNotes((old) => {
      if (old.get(k)?.kind !== 'problem') return old;
      const next = new Map(old);
      next.delete(k);
      return next;
    });
  };

  const save = async () => {
    setBusy(true);
    setError(undefined);
    const nextNotes = new Map(notes);
    const nextDrafts = new Map(drafts);
    let saved = 0;
    let conflicted = false;
    for (const [k, d] of drafts) {
      const [indicatorCode = '', unit = '', basis = '', issuingBody = ''] = k.split('|');
      const value = parseNumber(d.text, lang);
      if (value === null) {
        nextNotes.set(k, {
          kind: 'problem',
          message: d.text.trim()
            ? t(`"${d.text}" không phải là số`, `"${d.text}" is not a number`)
            : t(
                'Chưa nhập giá trị (không xóa được chỉ tiêu đã giao)',
                'Empty (a set target cannot be removed)',
              ),
        });
        continue;
      }
      try {
        await api.put(`/plans/${encodeURIComponent(plan.code)}/targets`, {
          indicatorCode,
          unitCode: unit,
          basis,
          ...(issuingBody ? { issuingBody } : {}),
          value,
          ...(d.version === undefined ? {} : { version: d.version }),
        });
        nextDrafts.delete(k);
        nextNotes.delete(k);
        saved++;
      } catch (err) {
        const e = asApiError(err);
        if (e.status === 409) {
          conflicted = true;
          nextNotes.set(k, { kind: 'conflict', current: undefined });
        } else if (e.status === 0 || e.status === 401) {
          setError(e);
          break;
        } else nextNotes.set(k, { kind: 'problem', message: e.field('value') ?? e.message });
      }
    }
    if (conflicted) {
      // Read what the others saved; the typed value stays and now overwrites that version.
      const fresh = await api.get<PlanDetail>(`/plans/${encodeURIComponent(plan.code)}`);
      for (const [k, n] of nextNotes) {
        if (n.kind !== 'conflict') continue;
        const [indicatorCode = '', unit = '', basis = '', issuingBody = ''] = k.split('|');
        const current = targetAt(indicatorCode, { basis, issuingBody }, unit, fresh.targets);
        nextNotes.set(k, { kind: 'conflict', current });
        const d = nextDrafts.get(k);
        if (d) nextDrafts.set(k, { ...d, version: current?.version });
      }
    }
    setDrafts(nextDrafts);
    setNotes(nextNotes);
    setSavedCount(saved);
    setBusy(false);
    if (saved > 0) onSaved();
  };

  const move = (e: KeyboardEvent<HTMLInputElement>) => {
    const down = e.key === 'Enter' || e.key === 'ArrowDown';
    if (!down && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const cell = e.currentTarget;
    const row = Number(cell.dataset.row) + (down ? 1 : -1);
    cell
      .closest('table')
      ?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${cell.dataset.col}"]`)
      ?.focus();
  };

  const pending = [...drafts.keys()].filter((k) => k.split('|')[1] === unitCode).length;
  const minDepth = units[0]?.depth ?? 0;
  return (
    <section className="card" aria-labelledby="targets-title">
      <div className="section-head">
        <h2 id="targets-title">{t('Giá trị chỉ tiêu được giao', 'Targets set')}</h2>
      </div>
      <div className="filters">
        <label>
          <span>{t('Đơn vị nhận chỉ tiêu', 'Unit the target is for')}</span>
          <select value={unitCode} onChange={(e) => setUnitCode(e.target.value)}>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {unitOptionLabel(u, minDepth)}
              </option>
            ))}
          </select>
        </label>
        {editable && <AddColumn onAdd={(c) => setExtra((x) => [...x, c])} />}
      </div>
      {/* Read-only it holds no control, so it takes focus itself to be scrolled by keyboard. */}
      <section className="table-wrap" tabIndex={editable ? undefined : 0} aria-labelledby="targets-title">
        <table className="targets-grid">
          <caption className="sr-only">
            {t('Giá trị chỉ tiêu theo căn cứ và cơ quan giao', 'Targets by basis and issuing body')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('Chỉ tiêu', 'Indicator')}</th>
              {columns.map((c, ci) => (
                <th key={colKey(c)} scope="col" id={`tcol-${ci}`} className="num">
                  {basisLabel(c.basis, lang)}
                  <div className="muted small">{c.issuingBody || plan.issuingBody}</div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {detail.indicators.map((i, ri) => (
              <tr key={i.code}>
                <th scope="row" className="name" id={`trow-${ri}`}>
                  {i.name} <span className="muted">({i.measureUnit})</span>
                </th>
                {columns.map((c, ci) => {
                  const k = key(i.code, c);
                  const target = targetAt(i.code, c);
                  const draft = drafts.get(k);
                  const note = notes.get(k);
                  const shown = formatNumber(target?.value, lang, 6);
                  if (!editable)
                    return (
                      <td key={k} className="num">
                        {target ? shown : ''}
                      </td>
                    );
                  const noteId = `tnote-${ri}-${ci}`;
                  return (
                    <td key={k} className={`cell ${draft ? 'changed' : ''} ${note ? 'invalid' : ''}`}>
                      <input
                        aria-labelledby={`trow-${ri} tcol-${ci}`}
                        aria-invalid={Boolean(note)}
                        aria-describedby={note ? noteId : undefined}
                        inputMode="decimal"
                        data-row={ri}
                        data-col={ci}
                        value={draft ? draft.text : target ? shown : ''}
                        onChange={(e) => edit(i.code, c, e.target.value)}
                        onKeyDown={move}
                      />
                      {note?.kind === 'problem' && (
                        <span className="cell-problem" id={noteId}>
                          {note.message}
                        </span>
                      )}
                      {note?.kind === 'conflict' && (
                        <span className="cell-conflict" id={noteId}>
                          {t(
                            `Người khác vừa lưu ${note.current ? formatNumber(note.current.value, lang, 6) : 'giá trị khác'}; bấm Lưu để ghi đè`,
                            `Someone else saved ${note.current ? formatNumber(note.current.value, lang, 6) : 'another value'}; save to overwrite`,
                          )}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <ErrorBanner error={error} />
      {editable && (
        <div className="form-actions">
          <button
            type="button"
            className="primary"
            disabled={busy || drafts.size === 0}
            onClick={() => void save()}
          >
            {t('Lưu chỉ tiêu', 'Save targets')}
            {drafts.size > 0 ? ` (${drafts.size})` : ''}
          </button>
          {drafts.size > 0 && (
            <button
              type="button"
              onClick={() => {
                setDrafts(new Map());
                setNotes(new Map());
              }}
            >
              {t('Bỏ các thay đổi', 'Discard changes')}
            </button>
          )}
          <span role="status" className={notes.size > 0 ? 'muted' : 'saved'}>
            {savedCount !== null &&
              (notes.size === 0
                ? t(`Đã lưu ${savedCount} giá trị.`, `Saved ${savedCount} values.`)
                : t(
                    `Đã lưu ${savedCount}; ${notes.size} ô cần xem lại.`,
                    `Saved ${savedCount}; ${notes.size} cells need a look.`,
                  ))}
            {pending > 0 && drafts.size > pending
              ? t(' Có thay đổi chưa lưu ở đơn vị khác.', ' Unsaved changes at another unit too.')
              : ''}
          </span>
        </div>
      )}
    </section>
  );
}

/** A new column: a target set by another body or on another basis (e.g. the province's budget). */
function AddColumn({ onAdd }: { onAdd(c: Column): void }) {
  const { t, lang } = useLang();
  const [open, setOpen] = useState(false);
  const [basis, setBasis] = useState<string>('dự toán');
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string>();
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('Thêm cột căn cứ, cơ quan giao', 'Add a basis / issuing body column')}
      </button>
    );
  return (
    <form
      className="inline-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!body.trim()) {
          setProblem(t('Cần tên cơ quan giao chỉ tiêu', 'Name the body setting the target'));
          return;
        }
        onAdd({ basis, issuingBody: body.trim() });
        setOpen(false);
        setBody('');
        setProblem(undefined);
      }}
    >
      <Field label={t('Căn cứ', 'Basis')}>
        {(p) => (
          <select {...p} value={basis} onChange={(e) => setBasis(e.target.value)}>
            {BASES.map((b) => (
              <option key={b} value={b}>
                {basisLabel(b, lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('Cơ quan giao', 'Issuing body')} error={problem}>
        {(p) => (
          <input
            {...p}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            placeholder="HĐND tỉnh Bắc Kạn"
          />
        )}
      </Field>
      <button type="submit">{t('Thêm cột', 'Add column')}</button>
      <button type="button" onClick={() => setOpen(false)}>
        {t('Hủy', 'Cancel')}
      </button>
    </form>
  );
}
