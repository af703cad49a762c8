/**
 * The simulator's agenda: things due at instants of the virtual clock, taken earliest first (ties in the order
 * they were added, so a run repeats exactly). A binary heap: a busy day holds a few hundred events at a time.
 */
export class Agenda {
  private readonly heap: Array<{ at: number; order: number; run: () => Promise<void> }> = [];
  private added = 0;

  /** Schedules `run` at `at`. */
  add(at: Date | number, run: () => Promise<void>): void {
    const item = { at: typeof at === 'number' ? at : at.getTime(), order: this.added++, run };
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  /** The earliest event, removed; undefined when none is left. */
  take(): { at: number; run: () => Promise<void> } | undefined {
    const heap = this.heap;
    if (!heap.length) return undefined;
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l], heap[m])) m = l;
        if (r < heap.length && before(heap[r], heap[m])) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top;
  }
}

function before(a: { at: number; order: number }, b: { at: number; order: number }): boolean {
  return a.at < b.at || (a.at === b.at && a.order < b.order);
}
