import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

// The app has two pages, so a router library would be more code than the routing itself:
// the History API plus one event to tell React the path changed.
const pathChanged = 'petawarga:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(pathChanged, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(pathChanged, onChange);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function navigate(path: string): void {
  if (path === window.location.pathname) return;
  window.history.pushState(null, '', path);
  window.scrollTo(0, 0);
  window.dispatchEvent(new Event(pathChanged));
}

/** True for a plain left click: other clicks keep the browser's "open in new tab" and friends. */
export function isPlainClick(event: globalThis.MouseEvent | MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** A link to a page of this app, followed without reloading it. */
export function AppLink({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return (
    <a
      href={href}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || !isPlainClick(event)) return;
        event.preventDefault();
        navigate(href);
      }}
      {...rest}
    />
  );
}
