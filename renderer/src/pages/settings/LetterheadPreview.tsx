import type { ProfileFormValues } from './profile-form-values';

interface LetterheadPreviewProps {
  values: ProfileFormValues;
  /** Today as `YYYY-MM-DD`: the year on the date line. */
  today: string;
}

function upper(text: string): string {
  return text.toLocaleUpperCase('vi');
}

/**
 * An approximation of how the top of an outgoing công văn will print (Decree 30/2020):
 * the issuing agency on the left, the national motto on the right, then the signature block.
 */
export function LetterheadPreview({ values, today }: LetterheadPreviewProps) {
  const department = values.departments.find((d) => d.code.trim())?.code ?? '';
  const symbol = [values.symbol.trim() || '…', department].filter(Boolean).join('-');
  const signer = values.signers.find((s) => s.name.trim() || s.title.trim());
  return (
    <div className="letterhead-preview" aria-label="Xem trước phần đầu văn bản">
      <div className="letterhead-header">
        <div className="letterhead-agency">
          {values.parentAgency.trim() && <div className="letterhead-parent">{upper(values.parentAgency)}</div>}
          <div className="letterhead-name">{upper(values.agencyName) || 'TÊN CƠ QUAN'}</div>
          <div className="letterhead-rule letterhead-rule-short" />
          <div className="letterhead-number">Số:&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;/{symbol}</div>
          <div className="letterhead-subject">V/v …</div>
        </div>
        <div className="letterhead-motto">
          <div className="letterhead-country">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
          <div className="letterhead-slogan">Độc lập - Tự do - Hạnh phúc</div>
          <div className="letterhead-rule letterhead-rule-long" />
          <div className="letterhead-date">
            {values.placeName.trim() || 'Địa danh'}, ngày&nbsp;&nbsp;&nbsp;&nbsp;tháng&nbsp;&nbsp;&nbsp;&nbsp;năm {today.slice(0, 4)}
          </div>
        </div>
      </div>
      {signer && (
        <div className="letterhead-signature">
          {signer.authority.trim() && <div className="letterhead-signer-authority">{upper(signer.authority)}</div>}
          <div className="letterhead-signer-title">{upper(signer.title)}</div>
          <div className="letterhead-signer-space" />
          <div className="letterhead-signer-name">{signer.name}</div>
        </div>
      )}
    </div>
  );
}
