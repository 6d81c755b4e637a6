/** The part of autocannon 9's API the comparison uses (the package ships no types). */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }

  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    /** Requests a second across all connections: autocannon holds back to this rate. */
    overallRate?: number;
    method?: string;
    headers?: Record<string, string>;
    requests?: Array<{
      setupRequest?: (request: Request) => Request;
      onResponse?: (status: number, body: string) => void;
    }>;
  }

  interface Result {
    requests: { total: number; average: number };
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
  }

  interface Instance extends EventEmitter, PromiseLike<Result> {
    on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): this;
  }

  function autocannon(options: Options): Instance;
  export = autocannon;
}
