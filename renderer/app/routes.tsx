import { Navigate, Route, Routes } from 'react-router';
import { StoreContext } from '../db';
import { SignInPage } from '../features/auth/SignInPage';
import { ApprovalsPage } from '../features/approvals/ApprovalsPage';
import { MyRequestsPage } from '../features/leave/MyRequestsPage';
import { NewRequestPage } from '../features/leave/NewRequestPage';
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
          <Route path="*" element={<Navigate to="/requests" replace />} />
        </Route>
      </Routes>
    </StoreContext.Provider>
  );
}
