import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { countryName } from '../../components/format';
import { type CascadeNode, childrenByParent } from './cascadeTree';

function FollowUpNote({ hasTaught }: { hasTaught: boolean | null }) {
  const { t } = useTranslation();
  if (hasTaught === null) return <span className="text-base-dark">{t('cascade.tree.noFollowUp')}</span>;
  return hasTaught ? (
    <span className="usa-tag status-tag bg-success-darker">{t('cascade.tree.taught')}</span>
  ) : (
    <span className="usa-tag status-tag bg-base-dark">{t('cascade.tree.notTaught')}</span>
  );
}

interface BranchProps {
  parentId: string;
  /** The people each person trained. */
  tree: Map<string, CascadeNode[]>;
  expanded: ReadonlySet<string>;
  onToggle: (id: string) => void;
}

/**
 * One level of the tree as a list. A person who trained others has a disclosure button that
 * shows or hides them; it says how many and whose they are, and aria-expanded says which.
 */
function Branch({ parentId, tree, expanded, onToggle }: BranchProps) {
  const { t } = useTranslation();
  return (
    <ul className="cascade-tree__list" id={`cascade-branch-${parentId}`}>
      {(tree.get(parentId) ?? []).map((node) => {
        const trained = tree.get(node.personId)?.length ?? 0;
        const isOpen = expanded.has(node.personId);
        return (
          <li key={node.personId} className="cascade-tree__item">
            <div className="cascade-node">
              <span className="cascade-node__name">
                <Link to={`/people/${node.personId}`}>{node.name}</Link>
              </span>
              <span className="cascade-node__meta">
                {[node.organizationName, countryName(node.country), node.year ? String(node.year) : ''].filter(Boolean).join(' · ')}
              </span>
              <FollowUpNote hasTaught={node.hasTaught} />
              {trained > 0 && (
                <button
                  type="button"
                  className="usa-button usa-button--unstyled cascade-node__toggle"
                  aria-expanded={isOpen}
                  aria-controls={isOpen ? `cascade-branch-${node.personId}` : undefined}
                  onClick={() => onToggle(node.personId)}
                >
                  <span className="cascade-node__chevron" aria-hidden="true" />
                  {t('cascade.tree.trained', { count: trained })}
                  <span className="usa-sr-only">{t('cascade.tree.byName', { name: node.name })}</span>
                </button>
              )}
            </div>
            {trained > 0 && isOpen && <Branch parentId={node.personId} tree={tree} expanded={expanded} onToggle={onToggle} />}
          </li>
        );
      })}
    </ul>
  );
}

/** An instructor's downstream tree: their trainees first, each opening onto the people they trained. */
export function CascadeTree({ instructorId, nodes }: { instructorId: string; nodes: CascadeNode[] }) {
  const { t } = useTranslation();
  const tree = useMemo(() => childrenByParent(nodes), [nodes]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const parents = useMemo(() => [...tree.keys()].filter((id) => id !== instructorId), [tree, instructorId]);
  const toggle = (id: string) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className="cascade-tree">
      {parents.length > 0 && (
        <div className="cascade-tree__actions">
          <button type="button" className="usa-button usa-button--outline usa-button--small" onClick={() => setExpanded(new Set(parents))}>
            {t('cascade.tree.expandAll')}
          </button>
          <button type="button" className="usa-button usa-button--outline usa-button--small" onClick={() => setExpanded(new Set())}>
            {t('cascade.tree.collapseAll')}
          </button>
        </div>
      )}
      <Branch parentId={instructorId} tree={tree} expanded={expanded} onToggle={toggle} />
    </div>
  );
}
