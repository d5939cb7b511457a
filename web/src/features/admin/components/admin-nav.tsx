import { paths } from '@/config/paths';
import { m } from '@/i18n/messages';
import { LinkTabs } from '@/components/ui/tabs';

/** Dashboard, users and the audit log, each at its own URL. */
export function AdminNav() {
  return (
    <LinkTabs
      label={m.adminUsers.tabs}
      tabs={[
        { to: paths.adminDashboard, label: m.adminUsers.dashboard },
        { to: paths.adminUsers, label: m.adminUsers.title },
        { to: paths.adminAudit, label: m.adminUsers.audit },
      ]}
    />
  );
}
