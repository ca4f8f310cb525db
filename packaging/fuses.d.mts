import type { FuseConfig } from '@electron/fuses';

export declare const FUSES: FuseConfig;
