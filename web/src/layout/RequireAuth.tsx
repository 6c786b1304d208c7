import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../session/SessionProvider';

export const CHANGE_PASSWORD_PATH = '/change-password';

/** Lets signed-in users through; sends others to the login page and forces a pending password change. */
export const RequireAuth = () => {
  const { state } = useSession();
  const location = useLocation();
  const user = state.status === 'ready' ? state.user : null;
  if (!user) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  if (user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  return <Outlet />;
};
