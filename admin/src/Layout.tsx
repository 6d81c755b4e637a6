import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import DashboardIcon from '@mui/icons-material/Dashboard';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import PolicyIcon from '@mui/icons-material/Policy';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, Logout, Menu, useGetIdentity, usePermissions, UserMenu, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';

import { canEdit, canReview, isAdmin, isStaff, type Role } from './providers/access';

/** The menu follows the role: reviewers see the queue first, admins see users and keys. */
function ConsoleMenu() {
  const { permissions } = usePermissions<Role[]>();
  const roles = permissions ?? [];
  return (
    <Menu>
      <Menu.Item to="/" primaryText="console.menu.dashboard" leftIcon={<DashboardIcon />} />
      {isStaff(roles) ? (
        <Menu.Item
          to="/review"
          primaryText={canReview(roles) ? 'console.menu.review' : 'console.menu.waiting'}
          leftIcon={<FactCheckIcon />}
        />
      ) : null}
      {canReview(roles) ? <Menu.Item to="/audit" primaryText="console.menu.audit" leftIcon={<PolicyIcon />} /> : null}
      {canEdit(roles) ? <Menu.Item to="/import" primaryText="console.menu.import" leftIcon={<UploadFileIcon />} /> : null}
      {canEdit(roles) ? <Menu.Item to="/proposals" primaryText="console.menu.proposals" leftIcon={<PlaylistAddCheckIcon />} /> : null}
      <Menu.ResourceItem name="sources" />
      <Menu.ResourceItem name="claims" />
      <Menu.ResourceItem name="events" />
      <Menu.ResourceItem name="entities" />
      {isStaff(roles) ? <Menu.ResourceItem name="annotations" /> : null}
      {isAdmin(roles) ? <Menu.ResourceItem name="users" /> : null}
      {isAdmin(roles) ? <Menu.ResourceItem name="apiKeys" /> : null}
    </Menu>
  );
}

function ConsoleUserMenu() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  // The button shows the person's name, so its accessible name starts with it (WCAG 2.5.3, label in name): voice
  // control users say what they see. react-admin names it "Profile" whatever it shows.
  return (
    <UserMenu
      label={
        identity?.fullName
          ? translate('console.layout.accountMenuOf', { name: identity.fullName })
          : translate('console.layout.accountMenu')
      }
    >
      <MenuItem component={Link} to="/account">
        <ListItemIcon>
          <AccountCircleIcon fontSize="small" />
        </ListItemIcon>
        <ListItemText>{translate('console.menu.account')}</ListItemText>
      </MenuItem>
      <Logout />
    </UserMenu>
  );
}

const ConsoleAppBar = () => <AppBar userMenu={<ConsoleUserMenu />} />;

export function Layout({ children }: { children: ReactNode }) {
  return (
    // react-admin lets the page grow to its widest content; on a phone the page stays the screen's width instead,
    // and a wide table scrolls inside its own box, so nothing is cut off at the side.
    <RaLayout
      menu={ConsoleMenu}
      appBar={ConsoleAppBar}
      sx={(theme) => ({ [theme.breakpoints.down('sm')]: { minWidth: 0, '& .RaLayout-content': { minWidth: 0 } } })}
    >
      {children}
    </RaLayout>
  );
}
