// Drives the B2B MFA calls of Stytch's official Node SDK against a running Stytch.Fake server: an email OTP login into
// an organization that requires MFA, finished by an SMS code from the outbox, and one finished by TOTP (the code
// computed here from the secret, as an authenticator app would), then a recovery code. Prints
// { steps: { <name>: { ok, value } | { ok: false, error } } } like b2b.mjs.
//
//   URL=http://127.0.0.1:4010/ PROJECT_ID=project-test-... SECRET=secret-test-... node mfa.mjs

import { createHmac } from "node:crypto";
import stytch from "stytch";
import { latestMessage, otherCode, sdkVersion, settings, stepRunner } from "./harness.mjs";

const { url, projectId, secret, origin } = settings("mfa.mjs");
const run = Date.now();
const phone = "+14155550123";
const ada = `ada-${run}@acme.io`;
const bob = `bob-${run}@acme.io`;
const client = new stytch.B2BClient({ project_id: projectId, secret, env: origin, timeout: 20_000 });
const { steps, step } = stepRunner();
const state = {};

// RFC 6238 (30 s steps, 6 digits, HMAC-SHA1) from a base32 secret: what an authenticator app shows.
function totp(base32, at = Date.now()) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of base32.replace(/=+$/, "")) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

async function primary(email) {
  await client.otps.email.loginOrSignup({ organization_id: state.organizationId, email_address: email });
  const { message } = await latestMessage(url, projectId, email);
  return client.otps.email.authenticate({ organization_id: state.organizationId, email_address: email, code: message.code });
}

async function latestSms() {
  const outbox = new URL(`_fake/v1/projects/${encodeURIComponent(projectId)}/outbox`, url.endsWith("/") ? url : `${url}/`);
  outbox.searchParams.set("phone_number", phone);
  const body = await (await fetch(outbox)).json();
  return body.messages[0];
}

function factors(session) {
  return (session?.authentication_factors ?? []).map((f) => ({ type: f.type, delivery_method: f.delivery_method }));
}

await step("organizations_create", async () => {
  const r = await client.organizations.create({
    organization_name: "Acme Inc",
    organization_slug: `acme-${run}`,
    email_jit_provisioning: "RESTRICTED",
    email_allowed_domains: ["acme.io"],
    mfa_policy: "REQUIRED_FOR_ALL",
  });
  state.organizationId = r.organization.organization_id;
  return { status_code: r.status_code, mfa_policy: r.organization.mfa_policy };
});

await step("members_create_with_phone", async () => {
  const r = await client.organizations.members.create({ organization_id: state.organizationId, email_address: ada, mfa_phone_number: phone });
  state.adaId = r.member_id;
  return { status_code: r.status_code, member_id: r.member_id, mfa_phone_number: r.member.mfa_phone_number };
});

await step("sms_primary", async () => {
  const r = await primary(ada);
  state.adaToken = r.intermediate_session_token;
  return {
    member_authenticated: r.member_authenticated,
    intermediate_session_token_length: r.intermediate_session_token.length,
    session_token: r.session_token,
    member_session: r.member_session ?? null,
    mfa_phone_number: r.mfa_required?.member_options?.mfa_phone_number,
    secondary_auth_initiated: r.mfa_required?.secondary_auth_initiated ?? null,
  };
});

await step("sms_outbox", async () => {
  const m = await latestSms();
  state.smsCode = m.code;
  return { channel: m.channel, kind: m.kind, phone_number: m.phone_number, member_id: m.member_id };
});

await step("error_sms_authenticate_wrong_code", async () =>
  client.otps.sms.authenticate({ organization_id: state.organizationId, member_id: state.adaId, code: otherCode(state.smsCode), intermediate_session_token: state.adaToken }));

await step("sms_authenticate", async () => {
  const r = await client.otps.sms.authenticate({ organization_id: state.organizationId, member_id: state.adaId, code: state.smsCode, intermediate_session_token: state.adaToken });
  return {
    status_code: r.status_code,
    session_token_length: r.session_token.length,
    factors: factors(r.member_session),
    mfa_phone_number_verified: r.member.mfa_phone_number_verified,
    mfa_enrolled: r.member.mfa_enrolled,
  };
});

await step("totp_primary", async () => {
  const r = await primary(bob);
  state.bobId = r.member_id;
  state.bobToken = r.intermediate_session_token;
  return { member_authenticated: r.member_authenticated, member_options: r.mfa_required?.member_options ?? null };
});

await step("totps_create", async () => {
  const r = await client.totps.create({ organization_id: state.organizationId, member_id: state.bobId, intermediate_session_token: state.bobToken });
  state.totpSecret = r.secret;
  state.recoveryCodes = r.recovery_codes;
  return { status_code: r.status_code, totp_registration_id: r.totp_registration_id, secret_length: r.secret.length, qr_code_prefix: r.qr_code.slice(0, 22), recovery_codes: r.recovery_codes.length };
});

await step("totps_authenticate", async () => {
  const r = await client.totps.authenticate({ organization_id: state.organizationId, member_id: state.bobId, code: totp(state.totpSecret), intermediate_session_token: state.bobToken });
  return { status_code: r.status_code, session_token_length: r.session_token.length, factors: factors(r.member_session), totp_registration_id: r.member.totp_registration_id };
});

await step("recovery_codes_get", async () => {
  const r = await client.recoveryCodes.get({ organization_id: state.organizationId, member_id: state.bobId });
  return { status_code: r.status_code, recovery_codes: r.recovery_codes.length };
});

await step("recovery_codes_recover", async () => {
  const again = await primary(bob);
  const r = await client.recoveryCodes.recover({ organization_id: state.organizationId, member_id: state.bobId, recovery_code: state.recoveryCodes[0], intermediate_session_token: again.intermediate_session_token });
  return { status_code: r.status_code, recovery_codes_remaining: r.recovery_codes_remaining, factors: factors(r.member_session) };
});

process.stdout.write(JSON.stringify({ sdk_version: sdkVersion(), project_id: projectId, steps }) + "\n");
