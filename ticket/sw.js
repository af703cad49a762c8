/*
 * The ticket page's service worker (/t/sw.js, scope /t/): shows the notices a waiting patient asked for (issue 16),
 * "you are number 3 in line" and "please go to Room 3", and opens the ticket page when one is tapped. It caches
 * nothing: the ticket page is always the server's, current one.
 */
self.addEventListener('push', (event) => {
  const data = event.data ? event.data.json() : {};
  event.waitUntil(
    self.registration.showNotification(data.title || '', {
      body: data.body || '',
      tag: data.tag,
      lang: data.lang,
      dir: data.dir,
      renotify: true,
      data: { url: data.url || '/' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(event.notification.data.url, self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((open) => {
      const page = open.find((client) => client.url.split('?')[0] === url);
      return page ? page.focus() : self.clients.openWindow(url);
    }),
  );
});
