import { useAppState } from '../../app/app-context';
import { routeHref } from '../../app/routes';
import { ArrowLeftIcon } from '../../components/icons';
import { Notice } from '../../components/Notice';
import { DispatchEditor } from './DispatchEditor';
import { useEditorData } from './use-editor-data';
import { ProfileMissingNotice } from '../../components/ProfileMissingNotice';

/** "#/van-ban-di/12": the editor of one dispatch, once it and the recipient directory are loaded. */
export function DispatchEditorPage({ id }: { id: number }) {
  const { info, profile } = useAppState();
  const data = useEditorData(id);

  if (data.state === 'ready' && profile) {
    return <DispatchEditor key={data.dispatch.id} initial={data.dispatch} groups={data.groups} units={data.units} profile={profile} today={info.today} />;
  }
  return (
    <div className="page">
      <header className="page-header">
        <a className="button button-subtle" href={routeHref('dispatches')}>
          <ArrowLeftIcon />
          Văn bản đi
        </a>
      </header>
      {!profile ? (
        <ProfileMissingNotice />
      ) : data.state === 'failed' ? (
        <Notice tone="error">{data.message}</Notice>
      ) : (
        <p className="empty-state">Đang mở văn bản…</p>
      )}
    </div>
  );
}
