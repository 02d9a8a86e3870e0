export interface RunStats {
  p50: number; // ms
  p99: number; // ms
  rps: number;
  requests: number;
  errors: number;
}

export function percentile(sorted: Float64Array | number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarize(latencies: number[], seconds: number, errors: number): RunStats {
  const sorted = Float64Array.from(latencies).sort();
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    rps: latencies.length / seconds,
    requests: latencies.length,
    errors,
  };
}

export function ms(v: number): string {
  return Number.isFinite(v) ? (v < 10 ? v.toFixed(1) : v.toFixed(0)) : '–';
}
