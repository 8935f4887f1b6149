import { useEffect, useRef } from 'react';

export interface SummaryItem {
  /** The id of the field to fix: its link leads there. */
  fieldId: string;
  text: string;
}

/**
 * The USWDS error summary over problems found outside a react-hook-form form (rows of results,
 * the columns of an import): one link per field to fix. It takes focus once per failed attempt
 * (`focusKey`), not again while the user fixes one.
 */
export function LinkErrorSummary({
  id,
  heading,
  headingLevel: Heading = 'h2',
  lead,
  items,
  focusKey,
  className = 'margin-bottom-3',
}: {
  id: string;
  heading: string;
  headingLevel?: 'h2' | 'h3';
  lead?: string;
  items: SummaryItem[];
  focusKey: number;
  className?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const focusedKey = useRef(0);
  const hasItems = items.length > 0;
  useEffect(() => {
    if (focusKey === focusedKey.current || !hasItems) return;
    focusedKey.current = focusKey;
    ref.current?.focus();
  }, [focusKey, hasItems]);
  if (!hasItems) return null;
  return (
    <div ref={ref} tabIndex={-1} className={`usa-alert usa-alert--error error-summary ${className}`} aria-labelledby={id}>
      <div className="usa-alert__body">
        <Heading className="usa-alert__heading" id={id}>
          {heading}
        </Heading>
        {lead && <p className="usa-alert__text">{lead}</p>}
        <ul className="usa-list usa-list--unstyled">
          {items.map((item) => (
            <li key={item.fieldId}>
              <a
                href={`#${item.fieldId}`}
                onClick={(event) => {
                  const target = document.getElementById(item.fieldId);
                  if (!target) return;
                  event.preventDefault();
                  target.focus();
                  target.scrollIntoView({ block: 'center' });
                }}
              >
                {item.text}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
