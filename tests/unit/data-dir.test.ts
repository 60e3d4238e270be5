import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../main/app/data-dir.js';
import { today } from '../../main/app/clock.js';

describe('defaultDataDir', () => {
  it('prefers $VANTHU_DATA', () => {
    expect(defaultDataDir({ VANTHU_DATA: '/srv/vanthu' }, 'linux', '/home/a')).toBe('/srv/vanthu');
  });

  it('uses %APPDATA%\\VanThu on Windows, also for a Vietnamese user name with spaces', () => {
    const env = { APPDATA: 'C:\\Users\\Nguyễn Văn A\\AppData\\Roaming' };
    expect(defaultDataDir(env, 'win32', 'C:\\Users\\Nguyễn Văn A')).toBe('C:\\Users\\Nguyễn Văn A\\AppData\\Roaming\\VanThu');
  });

  it('falls back to the roaming folder under the home directory when APPDATA is unset on Windows', () => {
    expect(defaultDataDir({}, 'win32', 'C:\\Users\\b')).toBe('C:\\Users\\b\\AppData\\Roaming\\VanThu');
  });

  it('uses ~/.config/VanThu elsewhere', () => {
    expect(defaultDataDir({}, 'linux', '/home/van thu')).toBe('/home/van thu/.config/VanThu');
  });
});

describe('today', () => {
  it('is the date in Asia/Ho_Chi_Minh, which is already tomorrow at 18:00 UTC', () => {
    expect(today({}, new Date('2026-11-14T18:00:00Z'))).toBe('2026-11-15');
    expect(today({}, new Date('2026-11-14T16:59:00Z'))).toBe('2026-11-14');
  });

  it('takes VANTHU_TODAY when set, so tests can stand on any day', () => {
    expect(today({ VANTHU_TODAY: '2021-11-16' }, new Date('2026-01-01T00:00:00Z'))).toBe('2021-11-16');
  });
});
