// Logout clears the field terminal's offline data (IndexedDB, the offline caches, the service worker) and revokes
// its API token.
// Work still waiting to be sent is not dropped silently: the officer is asked first.
import * as store from './store.js';

document.querySelectorAll('form[action="/logout"]').forEach((form) => {
  form.addEventListener('submit', async (e) => {
    if (form.dataset.cleared === 'true') return;
    e.preventDefault();
    try {
      const waiting = await store.waitingCount();
      if (waiting > 0 && !window.confirm('本机还有 ' + waiting + ' 项离线检查未同步，退出将删除它们。仍要退出吗？')) return;
      const token = await store.token();
      if (token) {
        await fetch('/api/v1/auth/logout', { method: 'POST', headers: { Authorization: 'Bearer ' + token }, credentials: 'omit' }).catch(() => null);
      }
      // the worker goes too, so the login page that follows is not served or cached through it
      if (navigator.serviceWorker) {
        for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
      }
      await store.clearAll();
    } catch (err) {
      // nothing stored, or storage unavailable: log out all the same
    }
    form.dataset.cleared = 'true';
    form.submit();
  });
});
