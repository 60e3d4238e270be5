import { routeHref } from '../app/routes';
import { Notice } from './Notice';

/** Shown where work needs the organisation profile (every outgoing document prints it) and it is still empty. */
export function ProfileMissingNotice() {
  return (
    <Notice
      tone="info"
      action={
        <a className="button" href={routeHref('settings')}>
          Điền thông tin cơ quan
        </a>
      }
    >
      <strong>Chưa có thông tin cơ quan.</strong> Tên cơ quan, ký hiệu, địa danh và người ký được in trên mọi văn bản đi; hãy
      điền trước khi soạn văn bản.
    </Notice>
  );
}
