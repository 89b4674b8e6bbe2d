import { useLang } from '../../i18n';
import type { Unit } from '../../types';
import { indented } from './units';

/** One unit out of `units`, indented by level. */
export function UnitSelect({
  units,
  value,
  onChange,
  empty,
  ...control
}: {
  units: Unit[];
  value: string;
  onChange(code: string): void;
  empty?: string;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const root = Math.min(...units.map((u) => u.depth));
  return (
    <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
      {empty !== undefined && <option value="">{empty}</option>}
      {indented(units, root).map((u) => (
        <option key={u.code} value={u.code}>
          {u.label}
        </option>
      ))}
    </select>
  );
}

/**
 * Units working with the lead, ticked in a fold-out list: a select with `multiple` needs Ctrl
 * to pick a second unit, which office staff do not expect.
 */
export function CoUnitsPicker({
  legend,
  units,
  value,
  exclude,
  onChange,
  error,
}: {
  legend: string;
  units: Unit[];
  value: string[];
  exclude?: string;
  onChange(codes: string[]): void;
  error?: string | undefined;
}) {
  const { t } = useLang();
  const chosen = units.filter((u) => value.includes(u.code));
  const choices = units.filter((u) => u.code !== exclude);
  return (
    <fieldset className={error ? 'field field-error plain' : 'field plain'}>
      <legend>{legend}</legend>
      <details className="co-units">
        <summary>
          {chosen.length === 0
            ? t('Chưa chọn đơn vị nào', 'None chosen')
            : chosen.map((u) => u.name).join('; ')}
        </summary>
        <ul>
          {choices.map((u) => (
            <li key={u.code}>
              <label>
                <input
                  type="checkbox"
                  checked={value.includes(u.code)}
                  onChange={(e) =>
                    onChange(e.target.checked ? [...value, u.code] : value.filter((c) => c !== u.code))
                  }
                />
                {u.name}
              </label>
            </li>
          ))}
        </ul>
      </details>
      {error && (
        <span className="field-message" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
