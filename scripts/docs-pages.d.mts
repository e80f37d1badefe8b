import type { Plugin } from 'vite';
export declare function docsInputs(root: string): Record<string, string>;
export declare function docsPagesPlugin(root: string): Plugin;
