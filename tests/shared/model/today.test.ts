import { describe, expect, it } from 'vitest';
import { localIsoDate } from '../../../shared/model/today';

describe('localIsoDate', () => {
  it('names the local calendar day, zero-padded', () => {
    expect(localIsoDate(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05');
    expect(localIsoDate(new Date(2025, 11, 31, 0, 0))).toBe('2025-12-31');
  });
});
