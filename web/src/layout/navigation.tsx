import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  BarChartOutlined,
  ClusterOutlined,
  CommentOutlined,
  MessageOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  ControlOutlined,
  DiffOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FundOutlined,
  FileTextOutlined,
  FormOutlined,
  HomeOutlined,
  InboxOutlined,
  ImportOutlined,
  LineChartOutlined,
  MailOutlined,
  PieChartOutlined,
  ShopOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { TPermission, TUser } from '../api/types';
import type { TKey } from '../i18n/I18nProvider';
import { hasPermission } from '../session/SessionProvider';

export type TNavEntry = {
  path: string;
  label: TKey;
  /** One-line description shown on the overview page (which does not list itself). */
  description?: TKey;
  icon: ReactNode;
  /** Shown only to users holding this permission; no permission = every signed-in user. */
  permission?: TPermission;
  group: 'main' | 'enterprises' | 'reports' | 'admin';
};

/** The pages of the app, in menu order. */
export const NAV_ENTRIES: readonly TNavEntry[] = [
  { path: '/', label: 'nav.home', icon: <HomeOutlined />, group: 'main' },
  { path: '/indicators', label: 'nav.indicators', description: 'home.describe.indicators', icon: <LineChartOutlined />, group: 'main' },
  { path: '/basket', label: 'nav.basket', description: 'home.describe.basket', icon: <ControlOutlined />, permission: 'statistics.manage', group: 'main' },
  { path: '/my-enterprise', label: 'nav.myEnterprise', description: 'home.describe.myEnterprise', icon: <ShopOutlined />, permission: 'enterprises.self', group: 'main' },
  { path: '/procedures', label: 'nav.procedures', description: 'home.describe.procedures', icon: <FileSearchOutlined />, group: 'main' },
  {
    path: '/procedures/decisions',
    label: 'nav.procedureDecisions',
    description: 'home.describe.procedureDecisions',
    icon: <FileProtectOutlined />,
    permission: 'procedures.manage',
    group: 'main',
  },
  { path: '/compliance', label: 'compliance.nav', description: 'compliance.navDescription', icon: <FundOutlined />, permission: 'compliance.read', group: 'main' },
  { path: '/service-index', label: 'serviceIndex.nav', description: 'serviceIndex.navDescription', icon: <CheckSquareOutlined />, permission: 'service-index.read', group: 'main' },
  { path: '/my-dossiers', label: 'dossiers.nav.mine', description: 'dossiers.nav.mineDescribe', icon: <InboxOutlined />, permission: 'dossiers.submit', group: 'main' },
  { path: '/dossiers', label: 'dossiers.nav.queue', description: 'dossiers.nav.queueDescribe', icon: <InboxOutlined />, permission: 'dossiers.process', group: 'main' },
  { path: '/petitions', label: 'petitions.nav', description: 'petitions.navDescribe', icon: <MessageOutlined />, group: 'main' },
  { path: '/support/pci', label: 'support.nav.pci', description: 'support.nav.pciDescribe', icon: <BarChartOutlined />, group: 'main' },
  { path: '/account', label: 'nav.account', description: 'home.describe.account', icon: <UserOutlined />, group: 'main' },
  { path: '/enterprises', label: 'nav.enterprises', description: 'home.describe.enterprises', icon: <BankOutlined />, permission: 'enterprises.read', group: 'enterprises' },
  {
    path: '/enterprises/structure',
    label: 'nav.enterpriseStructure',
    description: 'home.describe.enterpriseStructure',
    icon: <PieChartOutlined />,
    permission: 'enterprises.read',
    group: 'enterprises',
  },
  {
    path: '/enterprises/proposals',
    label: 'nav.enterpriseProposals',
    description: 'home.describe.enterpriseProposals',
    icon: <DiffOutlined />,
    permission: 'enterprises.read',
    group: 'enterprises',
  },
  {
    path: '/enterprises/import',
    label: 'nav.enterpriseImport',
    description: 'home.describe.enterpriseImport',
    icon: <CloudUploadOutlined />,
    permission: 'enterprises.write',
    group: 'enterprises',
  },
  { path: '/reports', label: 'reports.nav.my', description: 'reports.describe.my', icon: <FormOutlined />, permission: 'reports.self', group: 'reports' },
  { path: '/reports/review', label: 'reports.nav.review', description: 'reports.describe.review', icon: <FileDoneOutlined />, permission: 'reports.read', group: 'reports' },
  { path: '/reports/completeness', label: 'reports.nav.completeness', description: 'reports.describe.completeness', icon: <CheckSquareOutlined />, permission: 'reports.read', group: 'reports' },
  { path: '/reports/import', label: 'reports.nav.import', description: 'reports.describe.import', icon: <ImportOutlined />, permission: 'statistics.manage', group: 'reports' },
  { path: '/briefing', label: 'reports.nav.briefing', description: 'reports.describe.briefing', icon: <FileTextOutlined />, permission: 'reports.read', group: 'reports' },
  { path: '/support/conferences', label: 'support.nav.conferences', description: 'support.nav.conferencesDescribe', icon: <CommentOutlined />, permission: 'support.read', group: 'enterprises' },
  { path: '/support/agencies', label: 'support.nav.agencies', description: 'support.nav.agenciesDescribe', icon: <ClusterOutlined />, permission: 'support.read', group: 'enterprises' },
  { path: '/admin/users', label: 'nav.users', description: 'home.describe.users', icon: <TeamOutlined />, permission: 'admin.users', group: 'admin' },
  { path: '/admin/audit', label: 'nav.audit', description: 'home.describe.audit', icon: <AuditOutlined />, permission: 'admin.audit', group: 'admin' },
  { path: '/admin/units', label: 'nav.units', description: 'home.describe.units', icon: <ApartmentOutlined />, permission: 'admin.units', group: 'admin' },
  { path: '/admin/outbox', label: 'nav.outbox', description: 'home.describe.outbox', icon: <MailOutlined />, permission: 'admin.outbox', group: 'admin' },
  { path: '/admin/calendar', label: 'nav.calendar', description: 'home.describe.calendar', icon: <CalendarOutlined />, permission: 'admin.calendar', group: 'admin' },
];

/** The API documentation (served by the server at /docs) is linked for administrators. */
export const API_DOCS_PATH = '/docs';

export const visibleEntries = (user: TUser): TNavEntry[] =>
  NAV_ENTRIES.filter((entry) => !entry.permission || hasPermission(user, entry.permission));

export const canSeeApiDocs = (user: TUser): boolean => user.role === 'ADMIN';
