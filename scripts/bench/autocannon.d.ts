/** The small part of autocannon's programmatic API the bench uses (the package ships no types). */
declare module "autocannon" {
  type Percentiles = { p50: number; p90: number; p99: number; average: number; max: number; min: number };

  export type AutocannonRequest = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    onResponse?: (status: number, body: string, context: unknown, headers: Record<string, string>) => void;
  };

  export type AutocannonOptions = {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    amount?: number;
    /** Seconds a request may take before it counts as a timeout. */
    timeout?: number;
    headers?: Record<string, string>;
    requests?: AutocannonRequest[];
  };

  export type AutocannonResult = {
    /** Seconds. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    "2xx": number;
    "5xx": number;
    statusCodeStats: Record<string, { count: number }>;
    latency: Percentiles;
    requests: Percentiles & { total: number; sent: number };
  };

  function autocannon(options: AutocannonOptions): Promise<AutocannonResult>;
  export default autocannon;
}
