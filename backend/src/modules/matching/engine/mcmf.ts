/**
 * Min-cost max-flow on small integer costs: primal-dual. Each phase runs Dijkstra with a bucket
 * queue (Dial) on reduced costs to update the potentials, then pushes a blocking flow (Dinic)
 * along the arcs whose reduced cost is 0. Costs must be non-negative integers. The result is a
 * maximum flow whose cost is minimal among maximum flows.
 */
export class FlowNetwork {
  private heads = new Int32Array(1024);
  private tos = new Int32Array(4096);
  private caps = new Int32Array(4096);
  private costs = new Int32Array(4096);
  private nexts = new Int32Array(4096);
  private nodes = 0;
  private arcs = 0;
  /** Dijkstra phases and blocking-flow rounds of the last run(), for the benchmark. */
  phases = 0;
  rounds = 0;

  /** Adds a node and returns its id. */
  node(): number {
    if (this.nodes === this.heads.length) this.heads = grow(this.heads);
    this.heads[this.nodes] = -1;
    return this.nodes++;
  }

  get size(): number {
    return this.nodes;
  }

  /** Adds the arc u → v and returns its id; the residual arc is id ^ 1. */
  arc(u: number, v: number, capacity: number, cost: number): number {
    const id = this.arcs;
    if (id + 2 > this.tos.length) {
      this.tos = grow(this.tos);
      this.caps = grow(this.caps);
      this.costs = grow(this.costs);
      this.nexts = grow(this.nexts);
    }
    this.push(u, v, capacity, cost);
    this.push(v, u, 0, -cost);
    return id;
  }

  private push(u: number, v: number, capacity: number, cost: number): void {
    const e = this.arcs++;
    this.tos[e] = v;
    this.caps[e] = capacity;
    this.costs[e] = cost;
    this.nexts[e] = this.heads[u]!;
    this.heads[u] = e;
  }

  /** Flow on arc `id` (after run()). */
  flow(id: number): number {
    return this.caps[id ^ 1]!;
  }

  /** Runs to a min-cost max flow from s to t; returns the flow value. */
  run(s: number, t: number): number {
    const n = this.nodes;
    const head = this.heads;
    const next = this.nexts;
    const to = this.tos;
    const cost = this.costs;
    const cap = this.caps;
    const pot = new Float64Array(n);
    const dist = new Float64Array(n);
    const level = new Int32Array(n);
    const iter = new Int32Array(n);
    const queue = new Int32Array(n);
    let total = 0;

    const dijkstra = (): number => {
      dist.fill(Infinity);
      dist[s] = 0;
      const buckets: number[][] = [[s]];
      for (let d = 0; d < buckets.length && d < dist[t]!; d++) {
        const bucket = buckets[d];
        if (!bucket) continue;
        for (let k = 0; k < bucket.length; k++) {
          const u = bucket[k]!;
          if (dist[u] !== d) continue;
          for (let e = head[u]!; e !== -1; e = next[e]!) {
            if (cap[e]! <= 0) continue;
            const v = to[e]!;
            const nd = d + cost[e]! + pot[u]! - pot[v]!;
            if (nd < dist[v]!) {
              dist[v] = nd;
              (buckets[nd] ??= []).push(v);
            }
          }
        }
      }
      const reach = dist[t]!;
      if (reach === Infinity) return Infinity;
      for (let v = 0; v < n; v++) pot[v] = pot[v]! + Math.min(dist[v]!, reach);
      return reach;
    };

    const admissible = (e: number, u: number): boolean =>
      cap[e]! > 0 && cost[e]! + pot[u]! - pot[to[e]!]! === 0;

    const bfs = (): boolean => {
      level.fill(-1);
      level[s] = 0;
      let qh = 0;
      let qt = 0;
      queue[qt++] = s;
      while (qh < qt) {
        const u = queue[qh++]!;
        for (let e = head[u]!; e !== -1; e = next[e]!) {
          const v = to[e]!;
          if (level[v]! < 0 && admissible(e, u)) {
            level[v] = level[u]! + 1;
            queue[qt++] = v;
          }
        }
      }
      return level[t]! >= 0;
    };

    const dfs = (u: number, limit: number): number => {
      if (u === t) return limit;
      for (; iter[u]! !== -1; iter[u] = next[iter[u]!]!) {
        const e = iter[u]!;
        const v = to[e]!;
        if (level[v] !== level[u]! + 1 || !admissible(e, u)) continue;
        const pushed = dfs(v, Math.min(limit, cap[e]!));
        if (pushed > 0) {
          cap[e] = cap[e]! - pushed;
          cap[e ^ 1] = cap[e ^ 1]! + pushed;
          return pushed;
        }
      }
      return 0;
    };

    while (dijkstra() !== Infinity) {
      this.phases++;
      while (bfs()) {
        this.rounds++;
        iter.set(head.subarray(0, n));
        for (let pushed = dfs(s, Infinity); pushed > 0; pushed = dfs(s, Infinity)) total += pushed;
      }
    }
    return total;
  }
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
