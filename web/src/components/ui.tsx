import { type ReactNode, useId } from 'react';
import type { ApiError } from '../api';
import { useLang } from '../i18n';

/** A labelled form control with the server's message for that field under it. */
export function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const messageId = `${id}-msg`;
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': Boolean(error),
        ...(error || hint ? { 'aria-describedby': messageId } : {}),
      })}
      {error ? (
        <span className="field-message" id={messageId} role="alert">
          {error}
        </span>
      ) : hint ? (
        <span className="field-hint" id={messageId}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}

/** A labelled drop-down of coded choices: [value, what a person reads] pairs. */
export function ChoiceField({
  label,
  error,
  value,
  onChange,
  choices,
  disabled,
}: {
  label: string;
  error?: string | undefined;
  value: string;
  onChange(e: { target: { value: string } }): void;
  choices: readonly (readonly [string, string])[];
  disabled?: boolean;
}) {
  return (
    <Field label={label} error={error}>
      {(p) => (
        <select {...p} value={value} onChange={onChange} disabled={disabled}>
          {choices.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A failed request, said plainly; field problems not shown next to a field are listed. */
export function ErrorBanner({
  error,
  shownFields = [],
}: {
  error: ApiError | undefined;
  shownFields?: string[];
}) {
  if (!error) return null;
  const rest = error.fields.filter((f) => !shownFields.includes(f.field));
  return (
    <div className="banner banner-error" role="alert">
      <strong>{error.message}</strong>
      {rest.length > 1 && (
        <ul>
          {rest.slice(0, 20).map((f) => (
            <li key={`${f.row ?? ''}-${f.field}-${f.message}`}>
              {f.row ? `#${f.row} ` : ''}
              {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useLang();
  return (
    <p className="muted" aria-live="polite">
      {t('Đang tải…', 'Loading…')}
    </p>
  );
}

export function PageTitle({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  return (
    <div className="page-title">
      <h1>{children}</h1>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </div>
  );
}
