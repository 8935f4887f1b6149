/** The deployments area's pages: the router loads them together, as one chunk, when one is first visited. */
export { CandidatesPage } from './CandidatesPage';
export { DeploymentPage } from './DeploymentPage';
export { DeploymentsListPage } from './DeploymentsListPage';
export { EditDeploymentPage } from './EditDeploymentPage';
export { NewDeploymentPage } from './NewDeploymentPage';
export { TimelinePage } from './TimelinePage';
