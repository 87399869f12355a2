// The frame around every page once signed in: side navigation, the header with the sync
import { useMemo, type ReactNode } from 'react';
// indicator, rejection notices above the page, and the re-login dialog.
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { App, Badge, Button, Layout, Menu, Space, Typography, type MenuProps } from 'antd';
import {
  AccountBookOutlined,
  AuditOutlined,
  CarOutlined,
  PayCircleOutlined,
  CalendarOutlined,
  FileAddOutlined,
  GlobalOutlined,
  LogoutOutlined,
  PieChartOutlined,
  SettingOutlined,
  SwapOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  WalletOutlined,
  NotificationOutlined,
  FolderOpenOutlined,
  CloudUploadOutlined,
} from '@ant-design/icons';
import { agencyDate } from '../../shared/calendar/dates';
import { FORM_PUBLISHER_ROLES } from '../../shared/mutators/forms';
import { useDirectory, useDocQuery, useUpcomingMeetings } from '../db';
import { groupMeetings } from '../features/meetings/meetingView';
import { useNow } from '../features/meetings/useNow';
import { loadInbox } from '../features/approvals/inbox';
import { LanguageSelect } from '../components/LanguageSelect';
import { ReloginDialog } from '../features/auth/ReloginDialog';
import { FormsOfflineSync } from '../features/forms/FormsOfflineSync';
import { useIsApprover } from '../features/approvals/useIsApprover';
import { RejectionNotices } from '../features/notices/RejectionNotices';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { useAppDispatch, useAppSelector } from './hooks';
import { useSessionController } from './sessionContext';
import { selectSignedInUser } from './sessionSlice';
import { SyncIndicator } from './SyncIndicator';
import { languageChanged, selectLanguage } from './uiSlice';

const SIDER_WIDTH = 220;

const NAV_PATHS = {
  requests: '/requests',
  new: '/new',
  balances: '/balances',
  approvals: '/approvals',
  team: '/team',
  delegation: '/delegation',
  hrOverview: '/hr/overview',
  hrBalances: '/hr/balances',
  hrTypes: '/hr/types',
  adminCalendar: '/admin/calendar',
  adminPolicy: '/admin/policy',
  notifications: '/notifications',
  trips: '/trips',
  claims: '/claims',
  travelApprovals: '/approvals/travel',
  financeClaims: '/finance/claims',
  financeStandards: '/finance/standards',
  meetings: '/meetings',
  newMeeting: '/meetings/new',
  forms: '/forms',
  formsManage: '/forms/manage',
} as const;
type NavKey = keyof typeof NAV_PATHS;

function navKeyOf(pathname: string): NavKey {
  // Longest path first, so '/hr/balances' is not taken for '/balances'.
  const match = (Object.entries(NAV_PATHS) as Array<[NavKey, string]>).sort((a, b) => b[1].length - a[1].length).find(([, path]) => pathname.startsWith(path));
  return match ? match[0] : 'requests';
}

export function AppShell() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  const location = useLocation();
  const controller = useSessionController();
  const language = useAppSelector(selectLanguage);
  const user = useAppSelector(selectSignedInUser);
  const directory = useDirectory();
  const today = agencyDate(new Date().toISOString());
  // The same list the approvals page shows: items whose acting delegation ended do not count.
  const inbox = useDocQuery((tx, userId) => loadInbox(tx, userId, today), [today]);
  const isApprover = useIsApprover();
  const waiting = inbox?.length ?? 0;
  // Meeting notices waiting for this user's reply (or a re-confirmation after a new time): only
  // those not over yet are read, and the clock ticks, so one that ends drops off by itself.
  const now = useNow();
  const upcoming = useUpcomingMeetings(now);
  const toAnswer = useMemo(
    () => (user && upcoming ? groupMeetings(upcoming.meetings, upcoming.myReplies, user.id, now).toAnswer.filter((i) => i.needsAnswer).length : 0),
    [user, upcoming, now],
  );

  const roles = user?.roles ?? [];
  const isHr = roles.includes('hr_officer');
  const isPolicyAdmin = isHr || roles.includes('system_admin');
  const item = (key: NavKey, icon: ReactNode, label: string) => ({ key, icon, label: <span data-testid={`nav-${key}`}>{label}</span> });
  /** A menu entry with the number of things waiting there. */
  const counted = (key: NavKey, icon: ReactNode, label: string, count: number) => ({
    key,
    icon,
    label: (
      <span data-testid={`nav-${key}`} data-count={count} style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
        {label}
        <Badge count={count} size="small" />
      </span>
    ),
  });

  const items: MenuProps['items'] = [
    item('requests', <UnorderedListOutlined />, t('nav.myRequests')),
    item('new', <FileAddOutlined />, t('nav.newRequest')),
    item('balances', <WalletOutlined />, t('nav.balances')),
  ];
  if (isApprover || waiting > 0) {
    items.push(counted('approvals', <AuditOutlined />, t('nav.approvals'), waiting));
  }
  if (isApprover) items.push(item('team', <TeamOutlined />, t('nav.team')));
  items.push(item('delegation', <SwapOutlined />, t('nav.delegation')));
  items.push({
    type: 'group',
    key: 'travel',
    label: t('nav.group.travel'),
    children: [
      item('trips', <CarOutlined />, t('nav.trips')),
      item('claims', <AccountBookOutlined />, t('nav.claims')),
      ...(isApprover || roles.includes('finance_officer') ? [item('travelApprovals', <AuditOutlined />, t('nav.travelApprovals'))] : []),
    ],
  });
  items.push({
    type: 'group',
    key: 'office',
    label: t('nav.group.office'),
    children: [
      counted('meetings', <NotificationOutlined />, t('nav.meetings'), toAnswer),
      ...(roles.includes('meeting_organizer') ? [item('newMeeting', <FileAddOutlined />, t('nav.newMeeting'))] : []),
      item('forms', <FolderOpenOutlined />, t('nav.forms')),
      ...(FORM_PUBLISHER_ROLES.some((r) => roles.includes(r)) ? [item('formsManage', <CloudUploadOutlined />, t('nav.formsManage'))] : []),
    ],
  });
  if (roles.includes('finance_officer')) {
    items.push({
      type: 'group',
      key: 'finance',
      label: t('nav.group.finance'),
      children: [item('financeClaims', <PayCircleOutlined />, t('nav.financeClaims')), item('financeStandards', <SettingOutlined />, t('nav.financeStandards'))],
    });
  }
  if (isHr) {
    items.push({
      type: 'group',
      key: 'hr',
      label: t('nav.group.hr'),
      children: [item('hrOverview', <PieChartOutlined />, t('nav.hrOverview')), item('hrBalances', <WalletOutlined />, t('nav.hrBalances')), item('hrTypes', <SettingOutlined />, t('nav.hrTypes'))],
    });
  }
  if (isPolicyAdmin) {
    items.push({
      type: 'group',
      key: 'admin',
      label: t('nav.group.admin'),
      children: [item('adminCalendar', <CalendarOutlined />, t('nav.adminCalendar')), item('adminPolicy', <SettingOutlined />, t('nav.adminPolicy'))],
    });
  }

  async function signOut(): Promise<void> {
    const pending = await controller.pendingCount();
    const leave = async () => {
      navigate('/requests');
      await controller.signOut();
    };
    if (pending === 0) return leave();
    modal.confirm({
      title: t('signout.confirmTitle'),
      content: t('signout.confirmBody', { count: pending }),
      okText: t('signout.confirmOk'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'signout-confirm' },
      onOk: leave,
    });
  }

  const department = user ? directory?.departments.get(user.departmentId) : undefined;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={SIDER_WIDTH} theme="light" style={{ position: 'sticky', top: 0, height: '100vh', borderRight: '1px solid #f0f0f0' }}>
        <nav aria-label={t('nav.menu')} style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
          <div style={{ padding: '20px 24px 12px' }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
          <Menu
            mode="inline"
            items={items}
            selectedKeys={[navKeyOf(location.pathname)]}
            onClick={({ key }) => navigate(NAV_PATHS[key as NavKey])}
            style={{ borderInlineEnd: 'none', flex: 1 }}
          />
          <Space direction="vertical" size={12} style={{ padding: 16, borderTop: '1px solid #f0f0f0' }}>
            <LanguageSelect value={language} onChange={(next) => dispatch(languageChanged(next))} prefix={<GlobalOutlined />} testId="language-switcher" />
            <Button block icon={<LogoutOutlined />} onClick={() => void signOut()} data-testid="nav-signout">
              {t('nav.signOut')}
            </Button>
          </Space>
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16, borderBottom: '1px solid #f0f0f0', position: 'sticky', top: 0, zIndex: 10 }}>
          <Typography.Text ellipsis data-testid="current-user">
            {user ? t('nav.signedInAs', { name: department ? `${user.displayName} · ${department.name}` : user.displayName }) : null}
          </Typography.Text>
          <Space size={16}>
            <NotificationBell />
            <SyncIndicator />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <div style={{ maxWidth: 1200, margin: '0 auto' }}>
            <RejectionNotices />
            <Outlet />
          </div>
        </Layout.Content>
      </Layout>
      <ReloginDialog />
      <FormsOfflineSync />
    </Layout>
  );
}
