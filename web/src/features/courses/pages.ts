/** The courses area's pages: the router loads them together, as one chunk, when one is first visited. */
export { CoursePage } from './CoursePage';
export { CoursesListPage } from './CoursesListPage';
export { EditCoursePage } from './EditCoursePage';
export { NewCoursePage } from './NewCoursePage';
