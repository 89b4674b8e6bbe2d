import { useLang } from '../../i18n';

export interface Change {
  label: string;
  /** The value as the other person left it, as text. */
  now: string;
}

/**
 * Someone saved the same record while this form was open. Says what they changed and lets the
 * person either keep what they typed (saving over it) or take the new version; nothing typed is
 * lost until they choose.
 */
export function ConflictNotice({
  changes,
  busy,
  onKeepMine,
  onTakeTheirs,
}: {
  changes: Change[];
  busy: boolean;
  onKeepMine(): void;
  onTakeTheirs(): void;
}) {
  const { t } = useLang();
  return (
    <div className="banner banner-error" role="alert">
      <strong>
        {t(
          'Người khác đã sửa bản ghi này trong lúc bạn nhập. Những gì bạn nhập vẫn còn nguyên trong biểu mẫu.',
          'Someone else changed this record while you were typing. What you typed is still in the form.',
        )}
      </strong>
      {changes.length > 0 ? (
        <>
          <p>{t('Họ đã sửa:', 'They changed:')}</p>
          <ul>
            {changes.map((c) => (
              <li key={c.label}>
                <b>{c.label}</b>: {c.now || t('(để trống)', '(empty)')}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>
          {t('Nội dung không khác bản bạn đang sửa.', 'The content matches the version you are editing.')}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="primary" disabled={busy} onClick={onKeepMine}>
          {t('Lưu đè bằng bản tôi nhập', 'Save mine over theirs')}
        </button>
        <button type="button" disabled={busy} onClick={onTakeTheirs}>
          {t('Bỏ bản của tôi, lấy bản mới', 'Discard mine, take theirs')}
        </button>
      </div>
    </div>
  );
}
