import { ref } from 'vue';
import { getToken } from '@/composables/use-auth';

/** One notification as the live stream and the list give it. */
export interface LiveNotification {
  id: string;
  event: string;
  title: string;
  titleEn: string;
  body: string;
  bodyEn: string;
  link: string | null;
  createdAt: string;
  read: boolean;
}

export interface SseEvent {
  event: string;
  data: string;
}

/**
 * Splits a server-sent-events buffer into complete events (blank-line separated) and the rest
 * still to come. Comment lines (": ping") and `retry:` are skipped; several `data:` lines join
 * with a newline, as the format says.
 */
export function parseSse(buffer: string): { events: SseEvent[]; rest: string } {
  const events: SseEvent[] = [];
  const text = buffer.replace(/\r\n?/g, '\n');
  const blocks = text.split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (!line || line.startsWith(':')) continue;
      const i = line.indexOf(':');
      const field = i < 0 ? line : line.slice(0, i);
      const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length) events.push({ event, data: data.join('\n') });
  }
  return { events, rest };
}

// One stream per tab, shared by the bell and the list (module state).
const unread = ref(0);
const incoming = ref<LiveNotification[]>([]);
const connected = ref(false);
let controller: AbortController | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;

function apply(e: SseEvent) {
  try {
    const data = JSON.parse(e.data) as { unreadCount?: number; notification?: LiveNotification };
    if (typeof data.unreadCount === 'number') unread.value = data.unreadCount;
    if (e.event === 'notification' && data.notification && !incoming.value.some((n) => n.id === data.notification!.id)) {
      incoming.value = [data.notification, ...incoming.value].slice(0, 50);
    }
  } catch {
    /* not JSON: ignore */
  }
}

async function run(signal: AbortSignal) {
  const token = getToken();
  if (!token) return;
  // fetch, not EventSource: the token goes in the Authorization header, never in the URL.
  const res = await fetch('/api/notifications/stream', { headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' }, signal });
  if (!res.ok || !res.body) throw new Error(`stream ${res.status}`);
  connected.value = true;
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    const parsed = parseSse(buffer);
    buffer = parsed.rest;
    parsed.events.forEach(apply);
  }
}

/** Opens the live stream (once); reconnects after 3 s while signed in. */
export function startLive() {
  if (controller) return;
  const c = new AbortController();
  controller = c;
  const loop = () => {
    run(c.signal)
      .catch(() => undefined)
      .finally(() => {
        connected.value = false;
        if (controller === c && !c.signal.aborted && getToken()) retryTimer = setTimeout(loop, 3000);
      });
  };
  loop();
}

export function stopLive() {
  controller?.abort();
  controller = null;
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  connected.value = false;
  unread.value = 0;
  incoming.value = [];
}

/** The unread badge and the notifications pushed since the page loaded. */
export function useNotifications() {
  return {
    unread,
    incoming,
    connected,
    setUnread: (n: number) => {
      unread.value = Math.max(0, n);
    },
    markedRead: (ids: string[]) => {
      incoming.value = incoming.value.map((n) => (ids.includes(n.id) ? { ...n, read: true } : n));
    },
  };
}

/** "3", "99+": the badge text. */
export const badgeText = (n: number) => (n > 99 ? '99+' : String(n));
