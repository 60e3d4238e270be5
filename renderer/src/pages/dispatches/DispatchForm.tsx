import type { ReactNode } from 'react';
import type { DispatchContent, Urgency } from '../../../../shared/domain/dispatch';
import type { OrganisationProfile } from '../../../../shared/domain/organisation';
import type { Unit, UnitGroup } from '../../../../shared/domain/unit';
import { documentSymbol } from '../../../../shared/documents/templates/official-document';
import { CheckboxField, Field } from '../../components/Field';
import { BodyEditor } from './BodyEditor';
import { rememberDepartment } from './department-memory';
import { documentNoun, URGENCY_LABELS } from './dispatch-text';
import { ExpectedUnitsField } from './ExpectedUnitsField';
import { RecipientPicker } from './RecipientPicker';
import { RequirementEditor } from './RequirementEditor';
import { SignerFields } from './SignerFields';
import { TextLinesEditor } from './TextLinesEditor';

export type ContentUpdate = (update: (content: DispatchContent) => DispatchContent) => void;

interface DispatchFormProps {
  content: DispatchContent;
  update: ContentUpdate;
  /** The symbol as printed for an issued dispatch; null for a draft (it follows the chosen department). */
  issuedSymbol: string | null;
  profile: OrganisationProfile;
  groups: UnitGroup[];
  /** Every unit, inactive ones too (an issued dispatch may name them); only active ones are offered. */
  units: Unit[];
  today: string;
  readOnly: boolean;
  /** An issued dispatch: "Sửa yêu cầu báo cáo…" beside the (read-only) requirement. */
  onEditRequirement?(): void;
}

function Section({ title, children, testId, action }: { title: string; children: ReactNode; testId?: string; action?: ReactNode }) {
  return (
    <section className="panel dispatch-section" data-testid={testId}>
      {action ? (
        <div className="dispatch-section-head">
          <h2 className="panel-title">{title}</h2>
          {action}
        </div>
      ) : (
        <h2 className="panel-title">{title}</h2>
      )}
      {children}
    </section>
  );
}

/**
 * The left pane of the editor: every part of the công văn, in the order it prints. Read-only once
 * issued, except that what the dispatch asks for can still be changed (outside the disabled fieldsets).
 */
export function DispatchForm({ content, update, issuedSymbol, profile, groups, units, today, readOnly, onEditRequirement }: DispatchFormProps) {
  const set = <K extends keyof DispatchContent>(key: K, value: DispatchContent[K]): void => update((c) => ({ ...c, [key]: value }));
  const activeUnits = units.filter((u) => u.active);
  const report = content.documentType === 'bao_cao';
  const symbol = issuedSymbol ?? documentSymbol(content.documentType, profile.symbol, content.departmentCode);
  const keepers = ['VT', content.departmentCode].filter(Boolean).join(', ');

  return (
    <div className="dispatch-form">
      <fieldset className="dispatch-form-fields" disabled={readOnly}>
        <Section title="Thông tin chung">
          <div className="form-grid">
            <Field
              label={report ? 'Trích yếu (sau BÁO CÁO)' : 'Trích yếu'}
              wide
              hint={report ? 'In đậm, giữa trang, ngay dưới chữ BÁO CÁO; có gạch ngắn bên dưới.' : 'In dưới số văn bản, sau “V/v”, chữ thường.'}
            >
              {(control) => (
                <div className="subject-input">
                  {!report && (
                    <span className="subject-prefix" aria-hidden="true">
                      V/v
                    </span>
                  )}
                  <textarea
                    {...control}
                    className={`input textarea subject-textarea${report ? ' subject-textarea-alone' : ''}`}
                    rows={2}
                    maxLength={1000}
                    placeholder={report ? 'Kết quả thực hiện … năm …' : 'đẩy mạnh tuyên truyền về …'}
                    value={content.subject}
                    onChange={(e) => set('subject', e.target.value.replace(/\n/g, ' '))}
                  />
                </div>
              )}
            </Field>
            <Field label="Phòng soạn thảo" hint={<span className="symbol-preview">Số: …/{symbol}</span>}>
              {(control) => (
                <select
                  {...control}
                  className="input"
                  value={content.departmentCode}
                  onChange={(e) => {
                    rememberDepartment(e.target.value);
                    set('departmentCode', e.target.value);
                  }}
                >
                  <option value="">— Không ghi phòng —</option>
                  {profile.departments.map((d) => (
                    <option key={d.code} value={d.code}>
                      {d.code} — {d.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Độ khẩn">
              {(control) => (
                <select {...control} className="input" value={content.urgency ?? ''} onChange={(e) => set('urgency', e.target.value ? (e.target.value as Urgency) : null)}>
                  <option value="">Không</option>
                  {(Object.keys(URGENCY_LABELS) as Urgency[]).map((u) => (
                    <option key={u} value={u}>
                      {URGENCY_LABELS[u]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Tài liệu kèm theo" hint="Ghi chú cho văn thư; không in trên văn bản.">
              {(control) => (
                <input
                  {...control}
                  className="input"
                  maxLength={500}
                  placeholder="Kế hoạch số …"
                  value={content.attachmentsNote ?? ''}
                  onChange={(e) => set('attachmentsNote', e.target.value || null)}
                />
              )}
            </Field>
            <CheckboxField label="Văn bản mật (đánh số theo sổ văn bản mật)" checked={content.confidential} onChange={(v) => set('confidential', v)} />
          </div>
        </Section>

        <Section title="Kính gửi" testId="recipients-section">
          <RecipientPicker recipients={content.recipients} onChange={(r) => set('recipients', r)} groups={groups} units={activeUnits} readOnly={readOnly} />
        </Section>

        <Section title="Nội dung" testId="body-section">
          <BodyEditor body={content.body} onChange={(f) => update((c) => ({ ...c, body: f(c.body) }))} readOnly={readOnly} documentNoun={documentNoun(content.documentType)} />
        </Section>

        <Section title="Văn bản viện dẫn">
          <TextLinesEditor
            caption="Văn bản viện dẫn"
            lines={content.references}
            onChange={(lines) => set('references', lines)}
            placeholder="Kế hoạch số 136/KH-UBND ngày 15/7/2021 của Ủy ban nhân dân tỉnh"
            addLabel="Thêm văn bản viện dẫn"
            emptyText="Chưa có văn bản viện dẫn. Báo cáo của đơn vị thường trích số văn bản này để VănThư nhận ra."
            readOnly={readOnly}
          />
        </Section>

        <Section title="Người ký và nơi nhận">
          <div className="form-grid">
            <SignerFields signer={content.signer} signers={profile.signers} onChange={(s) => set('signer', s)} />
          </div>
          <div className="distribution">
            <h3 className="field-label">Nơi nhận</h3>
            {!report && <p className="distribution-fixed">{content.recipients.length > 0 ? '- Như trên;' : '(“- Như trên;” khi có nơi nhận ở Kính gửi)'}</p>}
            <TextLinesEditor
              caption="Nơi nhận khác"
              lines={content.distribution}
              onChange={(lines) => set('distribution', lines)}
              placeholder="UBND tỉnh (báo cáo)"
              addLabel="Thêm nơi nhận"
              emptyText="Không có nơi nhận khác."
              readOnly={readOnly}
            />
            <p className="distribution-fixed">- Lưu: {keepers}.</p>
          </div>
        </Section>
      </fieldset>

      {(!report || content.requirement) && (
        <Section
          title="Yêu cầu báo cáo"
          testId="requirement-section"
          action={
            onEditRequirement && (
              <button type="button" className="button" title="Đổi hạn, các kỳ hoặc đơn vị phải báo cáo mà VănThư theo dõi" onClick={onEditRequirement}>
                Sửa yêu cầu báo cáo…
              </button>
            )
          }
        >
          <fieldset className="dispatch-form-fields" disabled={readOnly}>
            <RequirementEditor requirement={content.requirement} onChange={(r) => set('requirement', r)} today={today} />
            {content.requirement && (
              <ExpectedUnitsField
                recipients={content.recipients}
                expectedUnitIds={content.expectedUnitIds}
                onChange={(ids) => set('expectedUnitIds', ids)}
                units={readOnly ? units : activeUnits}
                groups={groups}
                readOnly={readOnly}
              />
            )}
          </fieldset>
        </Section>
      )}
    </div>
  );
}
