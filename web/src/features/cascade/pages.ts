/** The cascade area's pages: the router loads them together, as one chunk, when one is first visited. */
export { InstructorCascadePage } from './InstructorCascadePage';
export { ProgramCascadePage } from './ProgramCascadePage';
