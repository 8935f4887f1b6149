/** The tasks area's pages: the router loads them together, as one chunk, when one is first visited. */
export { EditTaskPage } from './EditTaskPage';
export { TasksPage } from './TasksPage';
