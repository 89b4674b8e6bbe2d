import { useId, useState } from 'react';
import { api } from '../../api';
import { useLang } from '../../i18n';
import { useSession } from '../../session';
import type { Page, Unit } from '../../types';
import { useApi } from '../../use-api';
import { UnitSelect } from '../directives/UnitPickers';
import { todayIso } from '../directives/units';
import { Field } from '../ui';
import { type AttendeeRow, BLANK_ROWS, type MeetingDraft, type RowError } from './draft';
import { Rows } from './Rows';
import { type Person, positionsOn } from './types';

/**
 * Chairs, attendees and speakers. Names come from the people records (typed or picked from the
 * suggestions), and a picked person brings the positions held on the meeting day; an editor may
 * add a new attendee to the records from here.
 */
export function PeopleLists({
  draft,
  set,
  units,
  error: err,
  rowError,
}: {
  draft: MeetingDraft;
  set(patch: Partial<MeetingDraft>): void;
  units: Unit[];
  /** The server's message for a field of the whole form or list. */
  error(name: string): string | undefined;
  rowError: RowError;
}) {
  const { t } = useLang();
  const { hasRole } = useSession();
  const people = useApi(() => api.get<Page<Person>>('/people', { limit: 500 }), []);
  const listId = useId();
  const day = draft.heldOn || todayIso();
  const known = (name: string) => people.data?.items.find((p) => p.fullName === name.trim());
  /** A picked person fills the position (and unit) still empty. */
  const pick = <T extends { positionTitle: string }>(row: T, name: string): Partial<T> => {
    const person = known(name);
    if (!person || row.positionTitle) return {} as Partial<T>;
    return { positionTitle: positionsOn(person, day) } as Partial<T>;
  };

  return (
    <>
      <datalist id={listId}>
        {people.data?.items.map((p) => (
          <option key={p.id} value={p.fullName}>
            {positionsOn(p, day)}
          </option>
        ))}
      </datalist>
      <Rows
        title={t('Chủ trì', 'Chaired by')}
        hint={t(
          'Để trống chức vụ: lấy chức vụ người đó giữ vào ngày họp theo danh bạ cán bộ.',
          'Leave the position empty to take the one held on the day from the people records.',
        )}
        rows={draft.chairs}
        onChange={(chairs) => set({ chairs })}
        blankRow={BLANK_ROWS.chairs}
        addLabel={t('Thêm người chủ trì', 'Add chair')}
        error={err('chairs')}
      >
        {(row, i, setRow) => (
          <>
            <Field
              label={t(`Họ tên người chủ trì ${i + 1}`, `Chair ${i + 1} name`)}
              error={rowError('chairs', row.rowKey, 'name')}
            >
              {(p) => (
                <input
                  {...p}
                  list={listId}
                  value={row.name}
                  onChange={(e) => setRow({ name: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('Chức vụ', 'Position')} error={rowError('chairs', row.rowKey, 'positionTitle')}>
              {(p) => (
                <input
                  {...p}
                  value={row.positionTitle}
                  onChange={(e) => setRow({ positionTitle: e.target.value })}
                />
              )}
            </Field>
          </>
        )}
      </Rows>
      <Rows
        title={t('Thành phần dự', 'Attendees')}
        hint={t(
          'Một người hoặc một nhóm ("Bí thư các chi bộ trực thuộc").',
          'A person or a group ("secretaries of the party cells").',
        )}
        rows={draft.attendees}
        onChange={(attendees) => set({ attendees })}
        blankRow={BLANK_ROWS.attendees}
        addLabel={t('Thêm thành phần', 'Add attendee')}
        error={err('attendees') ?? err('attendees.unitCode')}
      >
        {(row, i, setRow) => (
          <>
            <Field
              label={t(`Thành phần ${i + 1}`, `Attendee ${i + 1}`)}
              error={rowError('attendees', row.rowKey, 'name')}
            >
              {(p) => (
                <input
                  {...p}
                  list={listId}
                  value={row.name}
                  onChange={(e) => setRow({ name: e.target.value, ...pick(row, e.target.value) })}
                />
              )}
            </Field>
            <Field
              label={t('Chức vụ', 'Position')}
              error={rowError('attendees', row.rowKey, 'positionTitle')}
            >
              {(p) => (
                <input
                  {...p}
                  value={row.positionTitle}
                  onChange={(e) => setRow({ positionTitle: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('Đơn vị', 'Unit')} error={rowError('attendees', row.rowKey, 'unitCode')}>
              {(p) => (
                <UnitSelect
                  {...p}
                  units={units}
                  empty={t('— không ghi —', '— none —')}
                  value={row.unitCode}
                  onChange={(unitCode) => setRow({ unitCode })}
                />
              )}
            </Field>
            {hasRole('editor') && row.name.trim().length >= 2 && people.data && !known(row.name) && (
              <AddPerson row={row} onAdded={people.reload} />
            )}
          </>
        )}
      </Rows>
      <Rows
        title={t('Ý kiến phát biểu', 'Opinions')}
        rows={draft.opinions}
        onChange={(opinions) => set({ opinions })}
        blankRow={BLANK_ROWS.opinions}
        addLabel={t('Thêm ý kiến', 'Add opinion')}
        error={err('opinions')}
      >
        {(row, i, setRow) => (
          <>
            <Field
              label={t(`Người phát biểu ${i + 1}`, `Speaker ${i + 1}`)}
              error={rowError('opinions', row.rowKey, 'speaker')}
            >
              {(p) => (
                <input
                  {...p}
                  list={listId}
                  value={row.speaker}
                  onChange={(e) => {
                    const person = known(e.target.value);
                    setRow({
                      speaker: e.target.value,
                      ...(person && !row.speakerPosition
                        ? { speakerPosition: positionsOn(person, day) }
                        : {}),
                    });
                  }}
                />
              )}
            </Field>
            <Field
              label={t('Chức vụ', 'Position')}
              error={rowError('opinions', row.rowKey, 'speakerPosition')}
            >
              {(p) => (
                <input
                  {...p}
                  value={row.speakerPosition}
                  onChange={(e) => setRow({ speakerPosition: e.target.value })}
                />
              )}
            </Field>
            <div className="wide">
              <Field
                label={t(`Nội dung ý kiến ${i + 1}`, `Opinion ${i + 1}`)}
                error={rowError('opinions', row.rowKey, 'text')}
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
          </>
        )}
      </Rows>
    </>
  );
}

/** Adds the attendee to the people records, with the position and unit typed. */
function AddPerson({ row, onAdded }: { row: AttendeeRow; onAdded(): void }) {
  const { t } = useLang();
  const [message, setMessage] = useState<string>();
  const add = async () => {
    try {
      await api.post('/people', {
        fullName: row.name.trim(),
        positions: row.positionTitle.trim()
          ? [{ title: row.positionTitle.trim(), ...(row.unitCode ? { unitCode: row.unitCode } : {}) }]
          : [],
      });
      onAdded();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="wide">
      <button type="button" className="link" onClick={() => void add()}>
        {t(`Lưu "${row.name.trim()}" vào danh bạ cán bộ`, `Save "${row.name.trim()}" to the people records`)}
      </button>
      {message && (
        <span className="field-message" role="alert">
          {' '}
          {message}
        </span>
      )}
    </div>
  );
}
