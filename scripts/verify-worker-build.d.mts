/** Builds electron/workers/verify-worker.ts into `outFile`: one ES module, its dependencies bundled (verify-worker-build.mjs). */
export declare const buildVerifyWorker: (outFile: string) => Promise<void>;
