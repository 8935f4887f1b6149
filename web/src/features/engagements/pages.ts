/** The engagements area's pages: the router loads them together, as one chunk, when one is first visited. */
export { EditEngagementPage } from './EditEngagementPage';
export { EngagementPage } from './EngagementPage';
export { EngagementsListPage } from './EngagementsListPage';
export { NewEngagementPage } from './NewEngagementPage';
