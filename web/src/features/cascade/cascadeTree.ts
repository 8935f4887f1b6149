import type { InstructorCascade } from '../../api/schemas';

export type CascadeNode = InstructorCascade['nodes'][number];

/**
 * The people each person trained, from the API's flat list (each names its parent). Those who
 * went on to train others come first, the most prolific first, so the cascade's branches are
 * found without scrolling past everyone who stopped there; then by name.
 */
export function childrenByParent(nodes: readonly CascadeNode[]): Map<string, CascadeNode[]> {
  const children = new Map<string, CascadeNode[]>();
  for (const node of nodes) {
    const list = children.get(node.parentId);
    if (list) list.push(node);
    else children.set(node.parentId, [node]);
  }
  const trained = (node: CascadeNode) => children.get(node.personId)?.length ?? 0;
  for (const list of children.values()) list.sort((a, b) => trained(b) - trained(a) || a.name.localeCompare(b.name));
  return children;
}
