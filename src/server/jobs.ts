/**
 * The in-process job runner (embedded mode): work runs after the response, off the request.
 * State lives in the database before a job starts, so a crash loses nothing; `drain` lets
 * shutdown and tests wait for what is in flight.
 */
export interface JobRunner {
  run(name: string, job: () => Promise<unknown>): void;
  drain(): Promise<void>;
}

export function createJobRunner(onError: (name: string, error: unknown) => void): JobRunner {
  const inFlight = new Set<Promise<unknown>>();
  return {
    run(name, job) {
      const running = job()
        .catch((error: unknown) => onError(name, error))
        .finally(() => inFlight.delete(running));
      inFlight.add(running);
    },
    async drain() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
