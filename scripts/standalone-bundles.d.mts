import type { Plugin } from 'vite';
export declare const STANDALONE_BUNDLES: Record<string, string>;
export declare const PRECACHED_WORKERS: Record<string, string[]>;
export declare const PACKAGE_BUNDLES: Record<string, string>;
export declare function standaloneBundles(entries?: Record<string, string>, workers?: Record<string, string[]>, packaged?: Record<string, string>): Plugin[];
