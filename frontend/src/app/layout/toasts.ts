/** The live match toasts' list: what a new toast does to it. */
export interface Toast {
  id: number;
  text: string;
  to: string;
}

export const TOAST_MS = 12_000;

/**
 * The toasts after a new one: at most three, and none for the page the user is on (the
 * "accepted — View" toast on the match it points to says nothing new).
 */
export function withToast(list: Toast[], toast: Toast, pathname: string): Toast[] {
  if (toast.to === pathname) return list;
  return [...list.filter((t) => t.id !== toast.id).slice(-2), toast];
}
