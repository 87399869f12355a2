import { Navigate, Route, Routes } from 'react-router';
import { StoreContext } from '../db';
import { SignInPage } from '../features/auth/SignInPage';
import { ApprovalsPage } from '../features/approvals/ApprovalsPage';
import { MyRequestsPage } from '../features/leave/MyRequestsPage';
import { NewRequestPage } from '../features/leave/NewRequestPage';
import { CalendarAdminPage } from '../features/admin/CalendarAdminPage';
import { PolicyAdminPage } from '../features/admin/PolicyAdminPage';
import { BalancesPage } from '../features/balances/BalancesPage';
import { DelegationPage } from '../features/delegation/DelegationPage';
import { HrBalancesPage } from '../features/hr/HrBalancesPage';
import { HrOverviewPage } from '../features/hr/HrOverviewPage';
import { LeaveTypesPage } from '../features/hr/LeaveTypesPage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { TeamCalendarPage } from '../features/team/TeamCalendarPage';
import { MyClaimsPage } from '../features/claims/MyClaimsPage';
import { NewClaimPage } from '../features/claims/NewClaimPage';
import { PrintPage } from '../features/claims/PrintPage';
import { FinanceClaimsPage } from '../features/finance/FinanceClaimsPage';
import { StandardsPage } from '../features/finance/StandardsPage';
import { MyTripsPage } from '../features/travel/MyTripsPage';
import { NewTripPage } from '../features/travel/NewTripPage';
import { TravelApprovalsPage } from '../features/travel/TravelApprovalsPage';
import { FormsLibraryPage } from '../features/forms/FormsLibraryPage';
import { FormsManagePage } from '../features/forms/FormsManagePage';
import { MeetingEditorPage } from '../features/meetings/MeetingEditorPage';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { AppShell } from './AppShell';
import { useRuntime } from './sessionContext';

/** Signed out, every address shows the sign-in page; signed in, the pages inside the shell. */
export function AppRoutes() {
  const runtime = useRuntime();
  if (!runtime) return <SignInPage />;
  return (
    // Keyed by session: another user's sign-in remounts everything, no state carries over.
    <StoreContext.Provider value={runtime.store} key={runtime.key}>
      <Routes>
        <Route element={<AppShell />}>
          <Route index element={<Navigate to="/requests" replace />} />
          <Route path="requests/:id?" element={<MyRequestsPage />} />
          <Route path="new" element={<NewRequestPage />} />
          <Route path="approvals" element={<ApprovalsPage />} />
          <Route path="balances" element={<BalancesPage />} />
          <Route path="team" element={<TeamCalendarPage />} />
          <Route path="delegation" element={<DelegationPage />} />
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="hr/overview" element={<HrOverviewPage />} />
          <Route path="hr/balances" element={<HrBalancesPage />} />
          <Route path="hr/types" element={<LeaveTypesPage />} />
          <Route path="admin/calendar" element={<CalendarAdminPage />} />
          <Route path="admin/policy" element={<PolicyAdminPage />} />
          <Route path="trips/new" element={<NewTripPage />} />
          <Route path="trips/:id?" element={<MyTripsPage />} />
          <Route path="claims/new" element={<NewClaimPage />} />
          <Route path="claims/:id?" element={<MyClaimsPage />} />
          <Route path="approvals/travel" element={<TravelApprovalsPage />} />
          <Route path="finance/claims" element={<FinanceClaimsPage />} />
          <Route path="finance/standards" element={<StandardsPage />} />
          <Route path="print/:kind/:id" element={<PrintPage />} />
          <Route path="forms/manage" element={<FormsManagePage />} />
          <Route path="forms/:id?" element={<FormsLibraryPage />} />
          <Route path="meetings/new" element={<MeetingEditorPage />} />
          <Route path="meetings/:id/edit" element={<MeetingEditorPage />} />
          <Route path="meetings/:id?" element={<MeetingsPage />} />
          <Route path="*" element={<Navigate to="/requests" replace />} />
        </Route>
      </Routes>
    </StoreContext.Provider>
  );
}
