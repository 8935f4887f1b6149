import { Alert } from './Alert';
import { useLocation } from 'react-router';

/** A one-line confirmation carried to the next page in the navigation state ("Organization created."). */
export interface NoticeState {
  notice?: string;
}

export function FlashNotice() {
  const location = useLocation();
  const notice = (location.state as NoticeState | null)?.notice;
  if (!notice) return null;
  return (
    <Alert type="success" headingLevel="h2" isSlim className="margin-bottom-3" role="status">
      {notice}
    </Alert>
  );
}
