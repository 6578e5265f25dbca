import { webAppUrls } from './web-app-urls';

describe('webAppUrls', () => {
  const urls = webAppUrls('https://tracker.example.nl');
  const id = '6f1c1d7e-2b3a-4c5d-8e9f-0a1b2c3d4e5f';

  it("links to the web app's pages, not to the API", () => {
    expect(urls.home()).toBe('https://tracker.example.nl/');
    expect(urls.action(id)).toBe(`https://tracker.example.nl/acties/${id}`);
    expect(urls.progressUpdate(id)).toBe(`https://tracker.example.nl/acties/${id}/voortgang`);
    expect(urls.notifications()).toBe('https://tracker.example.nl/meldingen');
    expect(urls.notificationPreferences()).toBe('https://tracker.example.nl/meldingen/voorkeuren');
  });

  it('takes PUBLIC_URL with or without its trailing slash', () => {
    const slashed = webAppUrls('https://tracker.example.nl/');
    expect(slashed.action(id)).toBe(urls.action(id));
    expect(slashed.home()).toBe('https://tracker.example.nl/');
  });
});
