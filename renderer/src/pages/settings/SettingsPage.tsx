import { Field } from '../../components/Field';
import { useAppState } from '../../app/app-context';
import { OrganisationProfileForm, PROFILE_FORM_ID } from './OrganisationProfileForm';
import { WorkRulesForm } from './WorkRulesForm';

/** "Cài đặt": the organisation profile, the work rules and where the data lives. */
export function SettingsPage() {
  const { info } = useAppState();
  return (
    <div className="page page-fixed-header settings-page">
      <header className="page-header">
        <h1 className="page-title">Cài đặt</h1>
        <div className="toolbar">
          <button type="submit" form={PROFILE_FORM_ID} className="button button-primary button-wide" title="Ctrl+S">
            Lưu
          </button>
        </div>
      </header>
      <div className="page-scroll-body">
        <OrganisationProfileForm
          after={<WorkRulesForm />}
          aside={
            <section className="panel">
              <h2 className="panel-title">Dữ liệu</h2>
              <Field label="Thư mục dữ liệu" hint="Cơ sở dữ liệu và các tệp đã nhận được lưu trong thư mục này. Hãy sao lưu thư mục định kỳ.">
                {(control) => <input {...control} className="input input-readonly" readOnly value={info.dataDir} />}
              </Field>
            </section>
          }
        />
      </div>
    </div>
  );
}
