// A small app on Stytch's frontend SDK, pointed at the fake: the pre-built login UI while signed out, the user and
// session while signed in, a log-out button. `?products=otp` (default), `emailMagicLinks` or `passwords` picks the login;
// /authenticate is where magic links land.
(() => {
  'use strict';

  const page = window.stytchFakePage;
  const { StytchUIClient, Products } = window.stytch;

  // `endpoints` is taken as given; `customBaseUrl` would be turned into https://<host> and lose the port.
  const client = new StytchUIClient(page.publicToken, {
    endpoints: {
      testAPIURL: page.apiUrl,
      liveAPIURL: page.apiUrl,
      clientsideServicesIframeURL: page.clientsideServicesIframeUrl,
    },
  });

  const $ = (selector) => document.querySelector(selector);
  const testId = (id) => document.querySelector(`[data-testid="${id}"]`);
  const products = new URLSearchParams(window.location.search).get('products') ?? 'otp';
  let loginMounted = false;

  const showError = (error) => {
    $('#error').hidden = false;
    $('#error').textContent = error?.error_type ?? error?.message ?? String(error);
  };

  const loginConfig = () => products === 'passwords'
    ? {
      products: [Products.passwords],
      passwordOptions: {
        loginRedirectURL: `${window.location.origin}/authenticate`,
        resetPasswordRedirectURL: `${window.location.origin}/authenticate`,
      },
      sessionOptions: { sessionDurationMinutes: 60 },
    }
    : products === 'emailMagicLinks'
    ? {
      products: [Products.emailMagicLinks],
      emailMagicLinksOptions: {
        loginRedirectURL: `${window.location.origin}/authenticate`,
        loginExpirationMinutes: 30,
        signupRedirectURL: `${window.location.origin}/authenticate`,
        signupExpirationMinutes: 30,
      },
      sessionOptions: { sessionDurationMinutes: 60 },
    }
    : {
      products: [Products.otp],
      otpOptions: { methods: ['email'], expirationMinutes: 10 },
      sessionOptions: { sessionDurationMinutes: 60 },
    };

  const render = () => {
    const session = client.session.getSync();
    const user = client.user.getSync();
    if (session && user) {
      // The login UI stays on its success screen; a fresh one is mounted after logout.
      $('#login').replaceChildren();
      loginMounted = false;
      $('#signed-in').hidden = false;
      testId('user-email').textContent = user.emails?.[0]?.email ?? '';
      testId('user-id').textContent = user.user_id;
      testId('session-id').textContent = session.session_id;
      $('#status').textContent = 'signed in';
      return;
    }

    $('#signed-in').hidden = true;
    if (!loginMounted) {
      const props = { client, config: loginConfig(), callbacks: { onError: showError } };
      // 6.3.0's mountLogin creates the <stytch-ui> element without these props on its first call (only a repeated
      // call passes them on), so the element it returns is given them straight away.
      client.mountLogin({ elementId: '#login', ...props }).render(props);
      loginMounted = true;
    }
    $('#status').textContent = 'signed out';
  };

  $('#logout').addEventListener('click', async () => {
    $('#status').textContent = 'signing out';
    try {
      await client.session.revoke();
    } catch (error) {
      showError(error);
    }
    render();
  });

  client.session.onChange(render);
  client.user.onChange(render);

  const start = async () => {
    if (client.parseAuthenticateUrl()?.handled) {
      $('#status').textContent = 'authenticating';
      try {
        await client.authenticateByUrl({ session_duration_minutes: 60 });
      } catch (error) {
        showError(error);
      }
    }
    render();
  };
  start();
})();
