import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

/**
 * Counts the statements the application sends to the database while `during` runs, by kind
 * (select, insert, update…, raw for the `sql` tag): a Kysely plugin sees every query executed
 * through the instance it wraps, in or out of a transaction. BEGIN and COMMIT are the driver's
 * and are not counted.
 */
export class StatementCounter implements KyselyPlugin {
  private readonly kinds = new WeakMap<object, string>();
  private recording: string[] | null = null;

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.kinds.set(args.queryId, args.node.kind.replace(/QueryNode$/, '').replace(/Node$/, '').toLowerCase());
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.recording?.push(this.kinds.get(args.queryId) ?? 'unknown');
    return args.result;
  }

  /** The kinds of the statements run while `work` ran, in order, with what it returned. */
  async during<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    const statements: string[] = [];
    this.recording = statements;
    try {
      return { result: await work(), statements };
    } finally {
      this.recording = null;
    }
  }
}
