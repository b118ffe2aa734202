import type { AppInfo } from '../../shared/ipc/contract';

export function appInfo(shell: AppInfo['shell'], dataDir: string, version: string): AppInfo {
  return { name: 'GongwenDesk', version, shell, platform: process.platform, dataDir };
}
