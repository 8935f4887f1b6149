import type { ReactNode } from 'react';
import { FlashNotice } from '../components/FlashNotice';

/** The page's main landmark: the skip link's target. */
export function Main({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <main id="main-content" tabIndex={-1} className={`main-content ${className ?? ''}`}>
      {children}
    </main>
  );
}

/** A page without side navigation (home, sign-in). */
export function SingleColumn({ children }: { children: ReactNode }) {
  return (
    <div className="grid-container-widescreen padding-y-4">
      <Main>
        <FlashNotice />
        {children}
      </Main>
    </div>
  );
}
