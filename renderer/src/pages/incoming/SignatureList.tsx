import { signatureFindings, signatureHeadline, signatureNeedsAttention, type DocumentSignature } from '../../../../shared/domain/signature';

/**
 * The digital signatures of a received file: "Ký số bởi …, lúc …" (signer, organisation, MST,
 * the time as the file states it), then what was checked — the digest, what came after the
 * signature — and that the certificate chain was not. Never "hợp lệ": nothing is validated offline.
 */
export function SignatureList({ signatures }: { signatures: DocumentSignature[] }) {
  if (signatures.length === 0) return null;
  return (
    <ul className="signature-list" data-testid="signatures">
      {signatures.map((s, i) => {
        const [digest, after, chain] = signatureFindings(s);
        return (
          <li key={i} className={signatureNeedsAttention(s) ? 'signature signature-attention' : 'signature'}>
            <span className="signature-headline" title={s.issuer ? `Chứng thư do ${s.issuer} cấp` : undefined}>
              {signatureHeadline(s)}
            </span>
            <span className="signature-findings">
              {digest}; {after}; <span className="signature-chain">{chain}</span>.
            </span>
          </li>
        );
      })}
    </ul>
  );
}
