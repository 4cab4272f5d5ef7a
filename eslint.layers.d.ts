// Types for eslint.layers.js (plain JavaScript: ESLint loads it without a compiler).
import type { Linter } from 'eslint';

export interface Layer {
  name: string;
  files: string[];
  uses: string[];
  why: string;
}
export declare const LAYERS: Layer[];
export declare function layerOf(path: string): Layer | undefined;
export declare const layerRules: Linter.Config[];
