// Drives the SMS and WhatsApp OTP calls of Stytch's official Node SDK (npm `stytch`, pinned in package.json) against a
// running Stytch.Fake server and prints one JSON object: { steps: { <name>: { ok, value } | { ok: false, error } } }.
// NodeSdkTests.PhoneOtp.cs starts the standalone server, runs this script and asserts on what it prints.
//
//   URL=http://127.0.0.1:4010/ PROJECT_ID=project-test-... SECRET=secret-test-... node phone.mjs
//
// The codes come from the fake's outbox, filtered by phone number.

import stytch from "stytch";
import { ignoredFields, otherCode, sdkVersion, settings, stepRunner } from "./harness.mjs";

const { url, projectId, secret, origin } = settings("phone.mjs");
// A real US number (libphonenumber-valid), unique to this run so reruns against one server do not meet.
const phone = `+1415555${String(Date.now() % 10_000).padStart(4, "0")}`;
const whatsapp = `+1650555${String((Date.now() + 1) % 10_000).padStart(4, "0")}`;

const client = new stytch.Client({ project_id: projectId, secret, env: origin, timeout: 20_000 });

const { steps, step } = stepRunner();
const state = {};

/** The newest message the fake "sent" to this phone number. */
async function latestText(number) {
  const outbox = new URL(`_fake/v1/projects/${encodeURIComponent(projectId)}/outbox`, url.endsWith("/") ? url : `${url}/`);
  outbox.searchParams.set("phone_number", number);
  const response = await fetch(outbox);
  if (response.status !== 200) {
    throw new Error(`outbox answered ${response.status}: ${await response.text()}`);
  }

  const body = await response.json();
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    throw new Error(`no message for ${number}: ${JSON.stringify(body)}`);
  }

  const m = body.messages[0];
  return { channel: m.channel, phone_number: m.phone_number, code: m.code, kind: m.kind, method_id: m.method_id, count: body.messages.length };
}

// --- SMS: login_or_create -> code from the outbox -> authenticate -----------------------------

await step("sms_login_or_create", async () => {
  const r = await client.otps.sms.loginOrCreate({ phone_number: phone, expiration_minutes: 5 });
  state.userId = r.user_id;
  state.phoneId = r.phone_id;
  return { status_code: r.status_code, user_id: r.user_id, phone_id: r.phone_id, user_created: r.user_created };
});

await step("sms_outbox", async () => {
  const m = await latestText(phone);
  state.code = m.code;
  return m;
});

await step("sms_authenticate_wrong_code", async () =>
  client.otps.authenticate({ method_id: state.phoneId, code: otherCode(state.code) }));

await step("sms_authenticate", async () => {
  const r = await client.otps.authenticate({ method_id: state.phoneId, code: state.code, session_duration_minutes: 60 });
  state.sessionToken = r.session_token;
  const factor = r.session.authentication_factors[0];
  return {
    status_code: r.status_code,
    user_id: r.user_id,
    method_id: r.method_id,
    session_token_length: r.session_token.length,
    factor: { type: factor.type, delivery_method: factor.delivery_method, phone_number_factor: factor.phone_number_factor ?? null, email_factor: factor.email_factor ?? null },
    phone_numbers: r.user.phone_numbers,
    status: r.user.status,
  };
});

await step("sms_authenticate_reused", async () =>
  client.otps.authenticate({ method_id: state.phoneId, code: state.code }));

await step("sessions_authenticate", async () => {
  const r = await client.sessions.authenticate({ session_token: state.sessionToken });
  return { user_id: r.session.user_id, delivery_methods: r.session.authentication_factors.map((f) => f.delivery_method) };
});

await step("sms_send_existing", async () => {
  const r = await client.otps.sms.send({ phone_number: phone, locale: "es" });
  const m = await latestText(phone);
  return { status_code: r.status_code, user_id: r.user_id, phone_id: r.phone_id, kind: m.kind, count: m.count };
});

await step("sms_send_unknown", async () => client.otps.sms.send({ phone_number: "+14155550100" }));

// --- WhatsApp --------------------------------------------------------------------------------

await step("whatsapp_login_or_create", async () => {
  const r = await client.otps.whatsapp.loginOrCreate({ phone_number: whatsapp });
  const m = await latestText(whatsapp);
  const auth = await client.otps.authenticate({ method_id: r.phone_id, code: m.code, session_duration_minutes: 30 });
  return {
    status_code: r.status_code,
    user_created: r.user_created,
    channel: m.channel,
    delivery_method: auth.session.authentication_factors[0].delivery_method,
  };
});

// --- Stytch's sandbox number ------------------------------------------------------------------

await step("sandbox_send_and_authenticate", async () => {
  const sent = await client.otps.sms.send({ phone_number: "+10000000000" });
  const auth = await client.otps.authenticate({ method_id: sent.phone_id, code: "000000" });
  return { status_code: auth.status_code, phone_id: sent.phone_id, user_id: auth.user_id };
});

// Last: every call above, as the fake's request log saw it.
await step("request_log", async () => ignoredFields(url, projectId));

process.stdout.write(JSON.stringify({ sdk_version: sdkVersion(), phone, steps }) + "\n");
