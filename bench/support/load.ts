// A closed-loop load generator: `concurrency` workers each send requests back to back.
export type LoadResult = {
  requests: number;
  failures: number;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
  statuses: Record<number, number>;
};

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function runLoad(total: number, concurrency: number, send: (i: number) => Promise<number>): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        let status = 0;
        try {
          status = await send(i);
        } catch {
          status = 0;
        }
        latencies.push(performance.now() - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status !== 201) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: total, failures, seconds, throughput: total / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), statuses };
}

/** Resident memory of a process and its children, in MiB (Linux /proc). */
export async function rssMiB(pid: number): Promise<number> {
  const { readFile, readdir } = await import("node:fs/promises");
  let total = 0;
  const visit = async (p: number) => {
    const status = await readFile(`/proc/${p}/status`, "utf8").catch(() => "");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    total += kb;
    const children = await readFile(`/proc/${p}/task/${p}/children`, "utf8").catch(() => "");
    for (const c of children.split(/\s+/).filter(Boolean)) await visit(Number(c));
  };
  await visit(pid);
  void readdir;
  return total / 1024;
}
