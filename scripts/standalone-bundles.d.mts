import type { Plugin } from 'vite';
export declare const STANDALONE_BUNDLES: Record<string, string>;
export declare function standaloneBundles(entries?: Record<string, string>): Plugin;
