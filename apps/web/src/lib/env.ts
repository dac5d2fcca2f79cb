/** The web app's build-time settings, read once (STYLE §7). */
export const env = {
  /** Where the API lives; the dev server and the production build both serve it on the same origin. */
  apiBaseUrl: (import.meta.env.VITE_API_BASE_URL as string | undefined)?.replace(/\/$/, '') || '/api',
} as const;
