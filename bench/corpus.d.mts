// Types for corpus.mjs (plain JavaScript so bench/run.mjs runs without a build step).
export declare const CORPUS_VERSION: number;
export declare const FORMATS: string[];
export declare function rng(seed: number): () => number;
export declare function generateSop(seed: number, format: string, targetBytes: number, flawed?: boolean, count?: number): string;
export declare function corpusFile(index: number): string;
export declare function ensureCorpus(dir: string, count?: number): { version: number; count: number; bytes: number; files: string[] };
