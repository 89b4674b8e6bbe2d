import { formatDate } from '../../format';
import { useLang } from '../../i18n';
import type { Unit } from '../../types';
import { MergeForm, type MergeResult } from './MergeForm';
import { AddChildForm, EditUnitForm } from './UnitForms';
import { levelLabel, today, validOn } from './unit-labels';

export type OpenForm = { code: string; mode: 'edit' | 'add' | 'merge' } | null;

export interface TreeState {
  expanded: Set<string>;
  toggle(code: string): void;
  open: OpenForm;
  setOpen(open: OpenForm): void;
  fresh: string | null;
  byId: Map<number, Unit>;
  successorOf: Map<number, Unit>;
  onChanged(code: string): void;
  onMerged(result: MergeResult): void;
}

/** One unit and, when expanded, the units under it; only the actions the server offers are shown. */
export function UnitNode({ unit, tree }: { unit: Unit; tree: TreeState }) {
  const { t, lang } = useLang();
  const open = tree.expanded.has(unit.code);
  const ended = !validOn(unit, today()) && unit.validTo !== null;
  const predecessors = unit.predecessorIds
    .map((id) => tree.byId.get(id))
    .filter((u): u is Unit => Boolean(u));
  const successor = tree.successorOf.get(unit.id);
  const mergeable = unit.children.filter((c) => c.actions.merge && validOn(c, today())).length >= 2;
  const form = tree.open?.code === unit.code ? tree.open.mode : null;
  const close = () => tree.setOpen(null);
  const nameId = `unit-${unit.code}`;
  return (
    <li>
      <div className={`tree-row${ended ? ' ended' : ''}${tree.fresh === unit.code ? ' fresh' : ''}`}>
        {unit.children.length > 0 ? (
          <button
            type="button"
            className="tree-toggle"
            aria-expanded={open}
            aria-labelledby={`${nameId}-toggle ${nameId}`}
            onClick={() => tree.toggle(unit.code)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
            <span className="sr-only" id={`${nameId}-toggle`}>
              {open ? t('Thu gọn', 'Collapse') : t('Mở rộng', 'Expand')}
            </span>
          </button>
        ) : (
          <span className="tree-spacer" />
        )}
        <span className="unit-name" id={nameId}>
          {unit.name}
        </span>
        <span className="pill">{levelLabel(unit.level, lang)}</span>
        <span className="muted small">{unit.code}</span>
        {(unit.validFrom || unit.validTo) && (
          <span className="small">
            {unit.validFrom && t(`từ ${formatDate(unit.validFrom)}`, `from ${formatDate(unit.validFrom)}`)}
            {unit.validFrom && unit.validTo && ' '}
            {unit.validTo &&
              (ended
                ? t(`— hết hiệu lực từ ${formatDate(unit.validTo)}`, `— ended ${formatDate(unit.validTo)}`)
                : t(`đến ${formatDate(unit.validTo)}`, `until ${formatDate(unit.validTo)}`))}
          </span>
        )}
        {successor && (
          <span className="small">
            {t(`→ hợp nhất vào ${successor.name}`, `→ merged into ${successor.name}`)}
          </span>
        )}
        {predecessors.length > 0 && (
          <span className="small predecessors">
            {t('Hợp nhất từ: ', 'Merged from: ')}
            {predecessors.map((p) => p.name).join(', ')}
          </span>
        )}
        <span className="tree-actions">
          {unit.actions.edit && (
            <button
              type="button"
              aria-pressed={form === 'edit'}
              aria-describedby={nameId}
              onClick={() => tree.setOpen(form === 'edit' ? null : { code: unit.code, mode: 'edit' })}
            >
              {t('Sửa', 'Edit')}
            </button>
          )}
          {unit.actions.addChild && !ended && (
            <button
              type="button"
              aria-pressed={form === 'add'}
              aria-describedby={nameId}
              onClick={() => tree.setOpen(form === 'add' ? null : { code: unit.code, mode: 'add' })}
            >
              {t('Thêm trực thuộc', 'Add below')}
            </button>
          )}
          {mergeable && (
            <button
              type="button"
              aria-pressed={form === 'merge'}
              aria-describedby={nameId}
              onClick={() => tree.setOpen(form === 'merge' ? null : { code: unit.code, mode: 'merge' })}
            >
              {t('Hợp nhất đơn vị trực thuộc', 'Merge units below')}
            </button>
          )}
        </span>
      </div>
      {form === 'edit' && <EditUnitForm unit={unit} onDone={tree.onChanged} onCancel={close} />}
      {form === 'add' && <AddChildForm parent={unit} onDone={tree.onChanged} onCancel={close} />}
      {form === 'merge' && <MergeForm parent={unit} onDone={tree.onMerged} onCancel={close} />}
      {open && unit.children.length > 0 && (
        <ul>
          {unit.children.map((c) => (
            <UnitNode key={c.code} unit={c} tree={tree} />
          ))}
        </ul>
      )}
    </li>
  );
}
