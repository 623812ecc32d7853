// The B2B twin of app.js: the pre-built discovery login by email OTP (enter an email, the code, pick an
// organization) while signed out, the member and member session while signed in, a log-out button.
(() => {
  'use strict';

  const page = window.stytchFakePage;
  const { StytchB2BUIClient, B2BProducts, AuthFlowType } = window.stytch;

  const client = new StytchB2BUIClient(page.publicToken, {
    endpoints: {
      testAPIURL: page.apiUrl,
      liveAPIURL: page.apiUrl,
      clientsideServicesIframeURL: page.clientsideServicesIframeUrl,
    },
  });

  const $ = (selector) => document.querySelector(selector);
  const testId = (id) => document.querySelector(`[data-testid="${id}"]`);
  let loginMounted = false;

  const showError = (error) => {
    $('#error').hidden = false;
    $('#error').textContent = error?.error_type ?? error?.message ?? String(error);
  };

  const render = () => {
    const session = client.session.getSync();
    const member = client.self.getSync();
    if (session && member) {
      $('#login').replaceChildren();
      loginMounted = false;
      $('#signed-in').hidden = false;
      testId('member-email').textContent = member.email_address;
      testId('member-id').textContent = member.member_id;
      testId('organization-id').textContent = member.organization_id;
      testId('session-id').textContent = session.member_session_id;
      $('#status').textContent = 'signed in';
      return;
    }

    $('#signed-in').hidden = true;
    if (!loginMounted) {
      const props = {
        client,
        config: {
          products: [B2BProducts.emailOtp],
          authFlowType: AuthFlowType.Discovery,
          sessionOptions: { sessionDurationMinutes: 60 },
        },
        callbacks: { onError: showError },
      };
      // As mountLogin in app.js: the element mount creates is given its props at once.
      client.mount({ elementId: '#login', ...props }).render(props);
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
  client.self.onChange(render);
  render();
})();
