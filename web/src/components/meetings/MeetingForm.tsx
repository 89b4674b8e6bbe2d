import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api';
import { formatDate } from '../../format';
import { useLang } from '../../i18n';
import { flattenUnits, useSelection } from '../../selection';
import { UnitSelect } from '../directives/UnitPickers';
import { useDirectedUnits } from '../directives/units';
import { ErrorBanner, Field } from '../ui';
import { type Change, ConflictNotice } from './Conflict';
import {
  BLANK_ROWS,
  draftOf,
  type MeetingDraft,
  meetingBody,
  newDraft,
  pruned,
  type RowError,
} from './draft';
import { PeopleLists } from './PeopleLists';
import { Rows } from './Rows';
import { MEETING_KINDS, type Meeting, meetingKindLabel } from './types';

const SCALARS = [
  'unitCode',
  'body',
  'kind',
  'sessionNumber',
  'term',
  'title',
  'heldOn',
  'place',
  'planCode',
  'period',
  'summary',
  'conclusion',
] as const;
type Scalar = (typeof SCALARS)[number];

/** What the form's own fields are called, for labels and for the list of a conflict's changes. */
function useLabels(): Record<Scalar, string> {
  const { t } = useLang();
  return {
    unitCode: t('Đơn vị tổ chức', 'Organising unit'),
    body: t('Cơ quan họp', 'Meeting body'),
    kind: t('Loại hội nghị', 'Kind'),
    sessionNumber: t('Phiên họp (lần thứ)', 'Session number'),
    term: t('Nhiệm kỳ', 'Term'),
    title: t('Tiêu đề', 'Title'),
    heldOn: t('Ngày họp', 'Date'),
    place: t('Địa điểm', 'Place'),
    planCode: t('Nghị quyết, kế hoạch được kiểm điểm', 'Plan reviewed'),
    period: t('Kiểm điểm đến hết tháng', 'Reviewed through month'),
    summary: t('Tóm tắt nội dung', 'Summary'),
    conclusion: t('Kết luận của chủ trì', 'Conclusion'),
  };
}

/** Names of every field the form shows a server message for, so the banner does not repeat them. */
function shownFields(d: MeetingDraft): string[] {
  const rows = (list: string, n: number, parts: string[]) =>
    Array.from({ length: n }, (_, i) => parts.map((p) => (p ? `${list}.${i}.${p}` : `${list}.${i}`))).flat();
  return [
    ...SCALARS,
    'chairs',
    'attendees',
    'attendees.unitCode',
    'agenda',
    'opinions',
    'conclusionItems',
    ...rows('chairs', d.chairs.length, ['name', 'positionTitle']),
    ...rows('attendees', d.attendees.length, ['name', 'positionTitle', 'unitCode']),
    ...rows('agenda', d.agenda.length, ['']),
    ...rows('opinions', d.opinions.length, ['speaker', 'speakerPosition', 'text']),
    ...rows('conclusionItems', d.conclusionItems.length, ['text', 'id']),
  ];
}

/** What the other person changed, field by field, as the form shows it. */
function changes(
  before: MeetingDraft,
  now: MeetingDraft,
  labels: Record<Scalar, string>,
  { t, lang }: { t: (vi: string, en: string) => string; lang: 'vi' | 'en' },
): Change[] {
  const strip = (rows: object[]) => JSON.stringify(rows.map(({ rowKey: _, ...r }: { rowKey?: number }) => r));
  const out: Change[] = [];
  for (const key of SCALARS) {
    if (before[key] !== now[key])
      out.push({
        label: labels[key],
        now:
          key === 'heldOn'
            ? formatDate(now.heldOn)
            : key === 'kind'
              ? meetingKindLabel(now.kind, lang)
              : now[key],
      });
  }
  const lists: [keyof MeetingDraft, string, (d: MeetingDraft) => string][] = [
    ['chairs', t('Chủ trì', 'Chairs'), (d) => d.chairs.map((c) => c.name).join('; ')],
    ['attendees', t('Thành phần', 'Attendees'), (d) => d.attendees.map((a) => a.name).join('; ')],
    ['agenda', t('Chương trình', 'Agenda'), (d) => d.agenda.map((a) => a.text).join('; ')],
    ['opinions', t('Ý kiến', 'Opinions'), (d) => d.opinions.map((o) => o.text).join('; ')],
    [
      'conclusionItems',
      t('Các mục kết luận', 'Conclusion items'),
      (d) => d.conclusionItems.map((c) => c.text).join('; '),
    ],
  ];
  for (const [key, label, show] of lists) {
    if (strip(before[key] as object[]) !== strip(now[key] as object[])) out.push({ label, now: show(now) });
  }
  return out;
}

/**
 * A conference, new or being edited: general facts, who chaired and attended, the agenda, who
 * said what, and the conclusion with its items. An edit sends the version it started from; when
 * someone saved in between, the form keeps what was typed and says what they changed.
 */
export function MeetingForm({
  initial,
  onSaved,
  onCancel,
}: {
  initial?: Meeting;
  onSaved(m: Meeting): void;
  onCancel(): void;
}) {
  const { t, lang } = useLang();
  const s = useSelection();
  const labels = useLabels();
  const directed = useDirectedUnits();
  const [base, setBase] = useState<Meeting | undefined>(initial);
  const [draft, setDraft] = useState<MeetingDraft>(() =>
    initial ? draftOf(initial, flattenUnits(s.units)) : newDraft(directed[0]?.code ?? '', ''),
  );
  const [error, setError] = useState<ApiError>();
  const [conflict, setConflict] = useState<Meeting>();
  const [busy, setBusy] = useState(false);
  const allUnits = flattenUnits(s.units);
  const [sent, setSent] = useState<MeetingDraft>();
  const form = useRef<HTMLFormElement>(null);
  // A long form: take the person to the first field the server refused.
  useEffect(() => {
    if (error) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);
  const err = (name: string) => error?.field(name);
  const rowError: RowError = (list, key, part) => {
    const n = sent ? (sent[list] as { rowKey: number }[]).findIndex((r) => r.rowKey === key) : -1;
    return n < 0 ? undefined : err(part ? `${list}.${n}.${part}` : `${list}.${n}`);
  };
  const set = (patch: Partial<MeetingDraft>) => setDraft((d) => ({ ...d, ...patch }));

  async function save(over?: Meeting) {
    const clean = pruned({ ...draft, unitCode: draft.unitCode || (directed[0]?.code ?? '') });
    setSent(clean);
    setBusy(true);
    setError(undefined);
    const from = over ?? base;
    try {
      const saved = from
        ? await api.patch<Meeting>(`/meetings/${from.id}`, {
            version: from.version,
            ...meetingBody(clean, true),
          })
        : await api.post<Meeting>('/meetings', meetingBody(clean, false));
      setConflict(undefined);
      onSaved(saved);
    } catch (e) {
      const problem = e instanceof ApiError ? e : new ApiError(0, 'error', String(e));
      if (problem.status === 409 && from) {
        setConflict(
          (problem.current as Meeting | undefined) ?? (await api.get<Meeting>(`/meetings/${from.id}`)),
        );
      } else {
        setError(problem);
      }
    } finally {
      setBusy(false);
    }
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };
  const text = (name: Scalar, props: { wide?: boolean; hint?: string; type?: string } = {}) => (
    <div className={props.wide ? 'wide' : undefined}>
      <Field label={labels[name]} error={err(name)} {...(props.hint ? { hint: props.hint } : {})}>
        {(p) => (
          <input
            {...p}
            type={props.type ?? 'text'}
            value={draft[name]}
            onChange={(e) => set({ [name]: e.target.value })}
          />
        )}
      </Field>
    </div>
  );
  const area = (name: 'summary' | 'conclusion', rows = 3) => (
    <Field label={labels[name]} error={err(name)}>
      {(p) => (
        <textarea {...p} rows={rows} value={draft[name]} onChange={(e) => set({ [name]: e.target.value })} />
      )}
    </Field>
  );

  return (
    <form ref={form} onSubmit={submit} noValidate>
      {conflict && base && (
        <ConflictNotice
          busy={busy}
          changes={changes(draftOf(base, allUnits), draftOf(conflict, allUnits), labels, { t, lang })}
          onKeepMine={() => {
            setBase(conflict);
            void save(conflict);
          }}
          onTakeTheirs={() => {
            setBase(conflict);
            setDraft(draftOf(conflict, allUnits));
            setConflict(undefined);
          }}
        />
      )}
      <ErrorBanner error={error} shownFields={shownFields(sent ?? draft)} />
      <section className="card">
        <h2>{t('Thông tin chung', 'General')}</h2>
        <div className="form-grid">
          <div className="wide">
            <Field label={labels.title} error={err('title')}>
              {(p) => (
                <input
                  {...p}
                  aria-required="true"
                  value={draft.title}
                  onChange={(e) => set({ title: e.target.value })}
                />
              )}
            </Field>
          </div>
          {initial ? (
            <div className="field">
              <span className="strong small">{labels.unitCode}</span>
              <span>{initial.unit.name}</span>
            </div>
          ) : (
            <Field label={labels.unitCode} error={err('unitCode')}>
              {(p) => (
                <UnitSelect
                  {...p}
                  units={directed}
                  value={draft.unitCode || (directed[0]?.code ?? '')}
                  onChange={(unitCode) => set({ unitCode })}
                />
              )}
            </Field>
          )}
          {text('body', {
            hint: t('Ban Chấp hành, Ban Thường vụ, UBND…', 'Executive committee, standing committee…'),
          })}
          <Field label={labels.kind} error={err('kind')}>
            {(p) => (
              <select
                {...p}
                value={draft.kind}
                onChange={(e) => set({ kind: e.target.value as MeetingDraft['kind'] })}
              >
                {MEETING_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {meetingKindLabel(k, lang)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text('sessionNumber', { type: 'text' })}
          {text('term', { hint: t('ví dụ 2020–2025', 'e.g. 2020–2025') })}
          {text('heldOn', { type: 'date' })}
          {text('place')}
          <Field label={labels.planCode} error={err('planCode')}>
            {(p) => (
              <select {...p} value={draft.planCode} onChange={(e) => set({ planCode: e.target.value })}>
                <option value="">{t('— không gắn kế hoạch —', '— none —')}</option>
                {s.plans.map((plan) => (
                  <option key={plan.code} value={plan.code}>
                    {plan.name} ({plan.unitName}, {plan.year})
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text('period', { type: 'month', hint: t('9 tháng: chọn tháng 9', 'Nine months: pick September') })}
          <div className="wide">{area('summary')}</div>
        </div>
      </section>
      <Rows
        title={t('Chương trình hội nghị', 'Agenda')}
        rows={draft.agenda}
        onChange={(agenda) => set({ agenda })}
        blankRow={BLANK_ROWS.agenda}
        addLabel={t('Thêm mục chương trình', 'Add agenda item')}
        error={err('agenda')}
      >
        {(row, i, setRow) => (
          <div className="wide">
            <Field label={t(`Mục ${i + 1}`, `Item ${i + 1}`)} error={rowError('agenda', row.rowKey)}>
              {(p) => <input {...p} value={row.text} onChange={(e) => setRow({ text: e.target.value })} />}
            </Field>
          </div>
        )}
      </Rows>
      <PeopleLists draft={draft} set={set} units={allUnits} error={err} rowError={rowError} />
      <section className="card">
        <h2>{t('Kết luận', 'Conclusion')}</h2>
        {area('conclusion', 4)}
      </section>
      <Rows
        title={t('Các mục kết luận (sẽ giao thành nhiệm vụ)', 'Conclusion items (become directives)')}
        rows={draft.conclusionItems}
        onChange={(conclusionItems) => set({ conclusionItems })}
        blankRow={BLANK_ROWS.conclusionItems}
        addLabel={t('Thêm mục kết luận', 'Add conclusion item')}
        error={err('conclusionItems')}
      >
        {(row, i, setRow) => (
          <>
            <div className="wide">
              <Field
                label={t(`Mục kết luận ${i + 1}`, `Conclusion item ${i + 1}`)}
                error={
                  rowError('conclusionItems', row.rowKey, 'text') ??
                  rowError('conclusionItems', row.rowKey, 'id')
                }
              >
                {(p) => (
                  <textarea
                    {...p}
                    rows={2}
                    value={row.text}
                    onChange={(e) => setRow({ text: e.target.value })}
                  />
                )}
              </Field>
            </div>
            <label className="check wide">
              <input type="checkbox" checked={row.key} onChange={(e) => setRow({ key: e.target.checked })} />
              {t(`Mục ${i + 1} là nhiệm vụ trọng tâm`, `Item ${i + 1} is a key task`)}
            </label>
          </>
        )}
      </Rows>
      <div className="form-actions sticky-actions">
        <button type="submit" className="primary" disabled={busy}>
          {initial ? t('Lưu thay đổi', 'Save changes') : t('Lưu hội nghị', 'Save conference')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('Hủy', 'Cancel')}
        </button>
      </div>
    </form>
  );
}
