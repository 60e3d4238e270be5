// Types for scripts/start-lib.mjs (plain JavaScript so `npm start` needs no compiler).

export declare const BROWSER_FALLBACK_NOTICE: string;
export declare const REQUIRED_BUILD_FILES: readonly string[];

export declare function missingBuildFiles(root: string, exists?: (file: string) => boolean): string[];

export declare function findElectronBinary(require: NodeJS.Require, exists?: (file: string) => boolean): string | null;

export declare function installElectronBinary(options: {
  root: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  announceAfterMs?: number;
  announce?: (line: string) => void;
}): Promise<boolean>;

export type LauncherChoice =
  | { kind: 'electron'; electronPath: string; installed: boolean }
  | { kind: 'browser' };

export declare function chooseLauncher(deps: {
  electronPath: () => string | null;
  tryInstall: () => Promise<boolean>;
  notify?: (line: string) => void;
}): Promise<LauncherChoice>;

export declare function launchCommand(choice: LauncherChoice, root: string): { command: string; args: string[] };
