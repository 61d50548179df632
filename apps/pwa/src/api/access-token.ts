// The bearer token the API client sends, persisted in localStorage. React reads it through
// useAccessToken (useSyncExternalStore), so clearing it anywhere (logout, a 401) re-renders
// the app and sends the person back to the login page.
import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'fs.accessToken';
const listeners = new Set<() => void>();

export function getAccessToken(): string | null {
  return localStorage.getItem(STORAGE_KEY);
}

export function setAccessToken(token: string | null): void {
  if (token) localStorage.setItem(STORAGE_KEY, token);
  else localStorage.removeItem(STORAGE_KEY);
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab logging out or in changes the token too.
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useAccessToken(): string | null {
  return useSyncExternalStore(subscribe, getAccessToken);
}
