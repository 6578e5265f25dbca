import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from 'react';
import { VisuallyHidden } from './nlds';

type Announce = (message: string) => void;
const AnnouncerContext = createContext<Announce>(() => undefined);

/**
 * How long a message stays in the live region before the next one takes its place: a message
 * replaced within milliseconds (a test message's outcome arriving just as the person switched
 * the webhook off) may never be read out, as the browser passes the region on to the screen
 * reader only now and then.
 */
export const ANNOUNCE_DWELL_MS = 600;
/** Messages waiting their turn at most; a burst beyond keeps the latest ones. */
const WAITING_MAX = 3;
/** The region is emptied this long before a message, so that a repeated one is read again. */
const CLEAR_MS = 50;

/**
 * One polite live region for the whole app (WCAG 4.1.3): "saved", "marked read" and the
 * like are read out by screen readers without moving focus. Messages are shown one after the
 * other in the order they came, each for at least ANNOUNCE_DWELL_MS.
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const waiting = useRef<string[]>([]);
  const timers = useRef(new Set<number>());
  /** Whether a message is showing its dwell time now (the next one waits). */
  const showing = useRef(false);

  const later = useCallback((work: () => void, ms: number) => {
    const timer = window.setTimeout(() => {
      timers.current.delete(timer);
      work();
    }, ms);
    timers.current.add(timer);
  }, []);

  const showNext = useCallback(() => {
    const next = waiting.current.shift();
    if (next === undefined) {
      showing.current = false;
      return;
    }
    showing.current = true;
    setMessage('');
    later(() => setMessage(next), CLEAR_MS);
    later(showNext, CLEAR_MS + ANNOUNCE_DWELL_MS);
  }, [later]);

  const announce = useCallback<Announce>(
    (text) => {
      waiting.current.push(text);
      if (waiting.current.length > WAITING_MAX) waiting.current.shift();
      if (!showing.current) showNext();
    },
    [showNext],
  );

  useEffect(() => {
    const running = timers.current;
    return () => running.forEach((timer) => window.clearTimeout(timer));
  }, []);

  return (
    <AnnouncerContext value={announce}>
      {children}
      <VisuallyHidden role="status" aria-live="polite" aria-atomic="true">
        {message}
      </VisuallyHidden>
    </AnnouncerContext>
  );
}

export function useAnnounce(): Announce {
  return useContext(AnnouncerContext);
}
