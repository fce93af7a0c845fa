export function executableIn(platform: NodeJS.Platform | 'mas'): string;
export function electronBinary(electronDir: string, platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv): string | null;
export function downloadFailure(result: { error?: (Error & { code?: string }) | null; stderr?: string | Buffer | null; status: number | null; signal?: string | null }): string;
