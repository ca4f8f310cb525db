export declare const browserModeEntry: (root: string) => string;
export declare function requireBrowserModeBuild(root: string): string;
export declare function buildBrowserMode(root: string): Promise<void>;
