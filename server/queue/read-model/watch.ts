import { AsyncLocalStorage } from 'node:async_hooks';
import type { Model, ModelStatic, Transaction } from 'sequelize';

/**
 * Marks the queue's own commands. Their writes reach the live read model as the rows they committed (see
 * LiveQueue.changed); every other write to a watched table (an admin edit, a test factory, a script) only tells the
 * read model that what it holds may be stale.
 */
const commandScope = new AsyncLocalStorage<object | null>();

/**
 * Runs `work` as a queue command whose rows `model` (the live read model the command reports to) takes in itself;
 * with no model (an engine built without one), every write is a write from outside for every model.
 */
export function asQueueCommand<T>(model: object | null, work: () => Promise<T>): Promise<T> {
  return commandScope.run(model, work);
}

/** True inside {@link asQueueCommand} for `model`: the write will reach it as a committed row. */
export function inQueueCommandOf(model: object): boolean {
  return commandScope.getStore() === model;
}

const HOOKS = ['afterCreate', 'afterUpdate', 'afterDestroy', 'afterUpsert', 'afterBulkCreate', 'afterBulkUpdate', 'afterBulkDestroy'] as const;

/** What a watched write tells the listener: the row, when the write was to one row. */
export type WriteListener = (row: Model | null) => void;

/**
 * Calls `listener` after every write to `models` made through Sequelize (instance and bulk), once when the write
 * happens and once more after its transaction commits (a read between the two may have cached the old rows).
 * Returns the function that removes the hooks again: models are process-wide, servers are not.
 */
export function watchWrites(models: ModelStatic<Model>[], listener: WriteListener): () => void {
  const name = `live-read-model-${Math.random().toString(36).slice(2)}`;
  for (const model of models) {
    for (const hook of HOOKS) {
      const single = !hook.startsWith('afterBulk');
      model.addHook(hook as 'afterCreate', name, (first: unknown, options?: { transaction?: Transaction | null }) => {
        const row = single ? (Array.isArray(first) ? (first[0] as Model) : (first as Model)) : null;
        // Bulk hooks get the options first.
        const transaction = single ? options?.transaction : (first as { transaction?: Transaction | null })?.transaction;
        listener(row);
        transaction?.afterCommit(() => listener(row));
      });
    }
  }
  return () => {
    for (const model of models) for (const hook of HOOKS) model.removeHook(hook as 'afterCreate', name);
  };
}
