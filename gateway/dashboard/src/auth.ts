// The visitor's credentials: anonymous by default; a pasted API key or token is kept in this
// tab's sessionStorage and sent as the Authorization header (HTTP) and in graphql-ws
// connectionParams, exactly as any other client of the hub sends it.

const STORAGE_KEY = 'ngohub.dashboard.authorization';

/** The Authorization header value, or null for an anonymous visitor. */
export function authorization(): string | null {
  return sessionStorage.getItem(STORAGE_KEY);
}

/** Stores what the visitor pasted; a bare token or key is sent with the Bearer scheme. */
export function signIn(pasted: string): void {
  const value = pasted.trim();
  if (!value) return signOut();
  sessionStorage.setItem(STORAGE_KEY, /^\S+\s+\S/.test(value) ? value : `Bearer ${value}`);
}

export function signOut(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
