import type { OrganisationProfile, Signer } from '../../../../shared/domain/organisation';
import { Field } from '../../components/Field';

interface SignerFieldsProps {
  signer: Signer | null;
  signers: OrganisationProfile['signers'];
  onChange(signer: Signer | null): void;
}

const signerKey = (s: Pick<Signer, 'name' | 'title'>): string => `${s.name}\u0001${s.title}`;

/** "Người ký": one of the profile's signers, with the capacity line ("KT. GIÁM ĐỐC") editable for this document. */
export function SignerFields({ signer, signers, onChange }: SignerFieldsProps) {
  const known = signer === null || signers.some((s) => signerKey(s) === signerKey(signer));
  return (
    <>
      <Field label="Người ký" hint={signers.length === 0 ? 'Chưa có người ký: hãy thêm trong Cài đặt → Người ký.' : undefined}>
        {(control) => (
          <select
            {...control}
            className="input"
            value={signer ? signerKey(signer) : ''}
            onChange={(e) => {
              const chosen = signers.find((s) => signerKey(s) === e.target.value);
              onChange(chosen ? { name: chosen.name, title: chosen.title, authority: chosen.authority } : null);
            }}
          >
            <option value="">— Chưa chọn —</option>
            {!known && signer && <option value={signerKey(signer)}>{`${signer.name} — ${signer.title}`}</option>}
            {signers.map((s) => (
              <option key={signerKey(s)} value={signerKey(s)}>
                {`${s.name} — ${s.title}`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Thẩm quyền ký" hint="Để trống khi người đứng đầu ký; ghi “KT. GIÁM ĐỐC”, “TL. GIÁM ĐỐC”… khi ký thay.">
        {(control) => (
          <input
            {...control}
            className="input"
            placeholder="KT. GIÁM ĐỐC"
            disabled={!signer}
            value={signer?.authority ?? ''}
            onChange={(e) => signer && onChange({ ...signer, authority: e.target.value || null })}
          />
        )}
      </Field>
    </>
  );
}
