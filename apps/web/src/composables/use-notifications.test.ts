import { describe, expect, it } from 'vitest';
import { badgeText, parseSse } from './use-notifications';

describe('parseSse', () => {
  it.each([
    ['retry: 3000\n\nevent: ready\ndata: {"unreadCount":2}\n\n', [{ event: 'ready', data: '{"unreadCount":2}' }], ''],
    [': ping\n\nevent: notification\ndata: {"a":1}\n\nevent: notif', [{ event: 'notification', data: '{"a":1}' }], 'event: notif'],
    ['data: line 1\r\ndata: line 2\r\n\r\n', [{ event: 'message', data: 'line 1\nline 2' }], ''],
    ['event: ready\ndata: {}', [], 'event: ready\ndata: {}'],
  ])('%j', (input, events, rest) => {
    expect(parseSse(input)).toEqual({ events, rest });
  });
});

describe('badgeText', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [99, '99'],
    [100, '99+'],
  ])('%i → %s', (n, text) => expect(badgeText(n)).toBe(text));
});
