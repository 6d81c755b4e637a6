import DashboardIcon from '@mui/icons-material/Dashboard';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import type { ReactNode } from 'react';
import { Layout as RaLayout, Menu, usePermissions } from 'react-admin';
import { canReview, isAdmin, isStaff, type Role } from './providers/access';

/** The menu follows the role: reviewers see the queue first, admins see users and keys. */
function ConsoleMenu() {
  const { permissions } = usePermissions<Role[]>();
  const roles = permissions ?? [];
  return (
    <Menu>
      <Menu.Item to="/" primaryText="Dashboard" leftIcon={<DashboardIcon />} />
      {isStaff(roles) ? <Menu.Item to="/review" primaryText={canReview(roles) ? 'Review queue' : 'Waiting for review'} leftIcon={<FactCheckIcon />} /> : null}
      <Menu.ResourceItem name="sources" />
      <Menu.ResourceItem name="claims" />
      <Menu.ResourceItem name="events" />
      <Menu.ResourceItem name="entities" />
      {isAdmin(roles) ? <Menu.ResourceItem name="users" /> : null}
      {isAdmin(roles) ? <Menu.ResourceItem name="apiKeys" /> : null}
    </Menu>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  return <RaLayout menu={ConsoleMenu}>{children}</RaLayout>;
}
