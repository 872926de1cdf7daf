export const root: string;
export const distDir: string;
export function frontendNeedsBuild(): boolean;
export function buildFrontend(options?: { quiet?: boolean }): void;
export function ensureFrontendBuilt(options?: { quiet?: boolean }): boolean;
