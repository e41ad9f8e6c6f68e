import { WEB_TOKEN_PARAM } from '../../../shared/rpc/bridge';

const STORAGE_KEY = 'desk.webToken';

/**
 * The web host's per-launch token arrives once in the page URL. Keep it for this tab only
 * (sessionStorage survives reloads, not other tabs) and take it out of the address bar so it is
 * not copied, bookmarked or shown in screenshots.
 */
export function takeWebToken(location: Location, history: History, storage: Storage): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get(WEB_TOKEN_PARAM);
  if (fromUrl) {
    storage.setItem(STORAGE_KEY, fromUrl);
    url.searchParams.delete(WEB_TOKEN_PARAM);
    history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return storage.getItem(STORAGE_KEY);
}
