import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { AUDIT_SEARCH_ROLES } from '@sipedaki/sop';
import { getToken, useAuth } from '@/composables/use-auth';
import type { Role } from '@/gql/graphql';
import { FINDING_READERS, FINDING_ROLES, INDICATOR_MANAGERS, LKJIP_READERS, pemdaRoles, ROLLUP_READERS } from '@sipedaki/sop';

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean;
    roles?: Role[];
  }
}

// Every page is its own chunk: the first load carries only the shell.
const routes: RouteRecordRaw[] = [
  { path: '/masuk', name: 'login', component: () => import('@/pages/LoginPage.vue'), meta: { public: true } },
  { path: '/ganti-sandi', name: 'change-password', component: () => import('@/pages/ChangePasswordPage.vue') },
  { path: '/profil', name: 'profile', component: () => import('@/pages/ProfilePage.vue') },
  { path: '/pemberitahuan', name: 'notifications', component: () => import('@/pages/NotificationsPage.vue') },
  { path: '/profil/pemberitahuan', name: 'notification-settings', component: () => import('@/pages/NotificationSettingsPage.vue') },
  { path: '/', name: 'home', component: () => import('@/pages/HomePage.vue') },
  { path: '/permintaan', name: 'requests', component: () => import('@/pages/RequestsPage.vue') },
  { path: '/permintaan/baru', name: 'register', component: () => import('@/pages/RegisterRequestPage.vue'), meta: { roles: ['SEKRETARIS'] } },
  { path: '/permintaan/:id', name: 'request', component: () => import('@/pages/RequestPage.vue'), props: true },
  { path: '/kiriman/:id', name: 'submission', component: () => import('@/pages/SubmissionPage.vue'), props: true },
  { path: '/monitoring-sop', name: 'monitoring', component: () => import('@/pages/MonitoringPage.vue'), meta: { roles: ['KASUBBAG', 'SEKRETARIS', 'KEPALA_DINAS'] } },
  { path: '/lkjip', name: 'lkjip', component: () => import('@/pages/LkjipPage.vue'), meta: { roles: [...LKJIP_READERS] } },
  { path: '/temuan', name: 'findings', component: () => import('@/pages/FindingsPage.vue'), meta: { roles: [...(FINDING_READERS as Role[])] } },
  // Reports and the days per source: the office-wide readers (packages/sop FINDING_ROLES); entering is gated in the page and the API.
  { path: '/temuan/laporan', name: 'audit-reports', component: () => import('@/pages/AuditReportsPage.vue'), meta: { roles: [...(FINDING_ROLES.READ_ALL as Role[])] } },
  { path: '/temuan/laporan/:id', name: 'audit-report', component: () => import('@/pages/AuditReportPage.vue'), props: true, meta: { roles: [...(FINDING_ROLES.READ_ALL as Role[])] } },
  { path: '/temuan/pengaturan', name: 'finding-settings', component: () => import('@/pages/FindingSettingsPage.vue'), meta: { roles: [...(FINDING_ROLES.CONFIGURE as Role[])] } },
  { path: '/temuan/:id', name: 'recommendation', component: () => import('@/pages/RecommendationPage.vue'), props: true },
  // The kabupaten dashboard (issue 15): the pemda roles only.
  { path: '/dasbor-kabupaten', name: 'kabupaten', component: () => import('@/pages/KabupatenPage.vue'), meta: { roles: [...ROLLUP_READERS] } },
  { path: '/dasbor-kabupaten/analisis/:id', name: 'kabupaten-analysis', component: () => import('@/pages/KabupatenAnalysisPage.vue'), props: true, meta: { roles: [...ROLLUP_READERS] } },
  { path: '/jejak-audit', name: 'audit', component: () => import('@/pages/AuditPage.vue'), meta: { roles: [...AUDIT_SEARCH_ROLES] } },
  { path: '/pemda/skala', name: 'pemda-scale', component: () => import('@/pages/PemdaScalePage.vue'), meta: { roles: ['PEMDA_ADMIN'] } },
  // The kabupaten level (issue 15): pemda roles only (packages/sop PEMDA_CAPABILITIES).
  { path: '/pemda/permintaan', name: 'pemda-requests', component: () => import('@/pages/PemdaRequestsPage.vue'), meta: { roles: pemdaRoles('READ') } },
  { path: '/pemda/permintaan/baru', name: 'pemda-issue', component: () => import('@/pages/PemdaIssuePage.vue'), meta: { roles: pemdaRoles('ISSUE_REQUEST') } },
  { path: '/pemda/permintaan/:id', name: 'pemda-request', component: () => import('@/pages/PemdaRequestPage.vue'), props: true, meta: { roles: pemdaRoles('READ') } },
  { path: '/pemda/opd', name: 'pemda-offices', component: () => import('@/pages/PemdaOfficesPage.vue'), meta: { roles: pemdaRoles('READ') } },
  { path: '/admin', redirect: { name: 'admin-users' } },
  { path: '/admin/pengguna', name: 'admin-users', component: () => import('@/pages/AdminUsersPage.vue'), meta: { roles: ['ADMIN'] } },
  { path: '/admin/plt-plh', name: 'admin-acting', component: () => import('@/pages/AdminActingPage.vue'), meta: { roles: ['ADMIN'] } },
  { path: '/admin/libur', name: 'admin-holidays', component: () => import('@/pages/AdminHolidaysPage.vue'), meta: { roles: ['ADMIN'] } },
  { path: '/admin/bidang', name: 'admin-bidang', component: () => import('@/pages/AdminBidangPage.vue'), meta: { roles: ['ADMIN'] } },
  // Kasubbag, Penyusun and administrator (packages/sop INDICATOR_MANAGERS).
  { path: '/indikator', name: 'admin-indicators', component: () => import('@/pages/AdminIndicatorsPage.vue'), meta: { roles: [...INDICATOR_MANAGERS] } },
  { path: '/admin/indikator', redirect: { name: 'admin-indicators' } },
  { path: '/admin/jam-kerja', name: 'admin-office', component: () => import('@/pages/AdminOfficePage.vue'), meta: { roles: ['ADMIN'] } },
  { path: '/admin/kop-surat', name: 'admin-letterhead', component: () => import('@/pages/AdminLetterheadPage.vue'), meta: { roles: ['ADMIN'] } },
  { path: '/admin/token-api', name: 'admin-api-tokens', component: () => import('@/pages/AdminApiTokensPage.vue'), meta: { roles: ['ADMIN'] } },
  { path: '/admin/webhook', name: 'admin-webhooks', component: () => import('@/pages/AdminWebhooksPage.vue'), meta: { roles: ['ADMIN'] } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/pages/NotFoundPage.vue') },
];

export function makeRouter() {
  const router = createRouter({ history: createWebHistory(), routes, scrollBehavior: () => ({ top: 0 }) });
  router.beforeEach((to) => {
    if (to.meta.public) return getToken() && to.name === 'login' ? { name: 'home' } : true;
    if (!getToken()) return { name: 'login', query: to.fullPath !== '/' ? { next: to.fullPath } : {} };
    const { hasRole, viewer } = useAuth();
    // A temporary password: nothing but the change until it is done (the API refuses the rest too).
    if (viewer.value?.mustChangePassword) return to.name === 'change-password' ? true : { name: 'change-password' };
    if (to.name === 'change-password') return { name: 'profile' };
    if (to.meta.roles && !hasRole(...to.meta.roles)) return { name: 'home' };
    return true;
  });
  return router;
}
