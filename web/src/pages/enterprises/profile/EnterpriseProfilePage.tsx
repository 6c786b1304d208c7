import { useParams } from 'react-router-dom';
import NotFoundPage from '../../NotFoundPage';
import { EnterpriseProfile } from './EnterpriseProfile';

/** /enterprises/:id — staff see any enterprise in their scope; an enterprise user only its own. */
const EnterpriseProfilePage = () => {
  const { id } = useParams();
  const enterpriseId = Number(id);
  if (!Number.isInteger(enterpriseId) || enterpriseId <= 0) return <NotFoundPage />;
  return <EnterpriseProfile key={enterpriseId} id={enterpriseId} />;
};

export default EnterpriseProfilePage;
