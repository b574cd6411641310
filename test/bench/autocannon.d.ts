/** The few parts of autocannon's API the load bench uses (the package ships no types). */
declare module 'autocannon' {
  namespace autocannon {
    interface Options {
      url: string;
      connections?: number;
      amount?: number;
      duration?: number;
      timeout?: number;
      requests?: { method?: string; path?: string; setupRequest?: (req: any) => any }[];
    }
    interface Result {
      errors: number;
      timeouts: number;
      non2xx: number;
      duration: number;
      latency: { p50: number; p99: number };
      requests: { average: number };
    }
  }
  function autocannon(
    opts: autocannon.Options,
  ): Promise<autocannon.Result> & { on(event: 'response', fn: (client: unknown, status: number) => void): void };
  export default autocannon;
}
