// Drives the B2B password calls of Stytch's official Node SDK against a running Stytch.Fake server: a member given a
// password by migrate, authenticate (right and wrong), the strength check, a reset by email end to end (start, the
// token from the outbox, reset, authenticate with the new password), discovery authenticate and its exchange, and an
// MFA organization's answer. Prints { steps: { <name>: { ok, value } | { ok: false, error } } } like b2b.mjs.
//
//   URL=http://127.0.0.1:4010/ PROJECT_ID=project-test-... SECRET=secret-test-... node b2b_passwords.mjs

import stytch from "stytch";
import { latestMessage, sdkVersion, settings, stepRunner } from "./harness.mjs";

const { url, projectId, secret, origin } = settings("b2b_passwords.mjs");
const run = Date.now();
const ada = `ada-${run}@acme.io`;
// A strong password on no breached list and its MD-5 (hex, by Python's hashlib); another strong one for the reset.
const password = "Plover-Quartz-91!";
const passwordMd5 = "2ee220973e9e0639bfce3288cc491f0e";
const newPassword = "Rook-Ember-Vista-42";
const client = new stytch.B2BClient({ project_id: projectId, secret, env: origin, timeout: 20_000 });
const { steps, step } = stepRunner();
const state = {};

function factors(session) {
  return (session?.authentication_factors ?? []).map((f) => ({ type: f.type, delivery_method: f.delivery_method }));
}

await step("organizations_create", async () => {
  const r = await client.organizations.create({
    organization_name: "Acme Inc",
    organization_slug: `acme-${run}`,
    email_jit_provisioning: "RESTRICTED",
    email_allowed_domains: ["acme.io"],
  });
  state.organizationId = r.organization.organization_id;
  return { status_code: r.status_code };
});

await step("migrate", async () => {
  const r = await client.passwords.migrate({ organization_id: state.organizationId, email_address: ada, hash_type: "md_5", hash: passwordMd5 });
  state.memberId = r.member_id;
  return { status_code: r.status_code, member_id: r.member_id, member_created: r.member_created, member_password_id: r.member.member_password_id };
});

await step("authenticate", async () => {
  const r = await client.passwords.authenticate({ organization_id: state.organizationId, email_address: ada, password });
  return {
    status_code: r.status_code,
    member_id: r.member_id,
    member_authenticated: r.member_authenticated,
    session_token_length: r.session_token.length,
    factors: factors(r.member_session),
  };
});

await step("error_authenticate_wrong_password", async () =>
  client.passwords.authenticate({ organization_id: state.organizationId, email_address: ada, password: "Wrong-Password-12" }));

await step("strength_check_strong", async () => {
  const r = await client.passwords.strengthCheck({ password });
  return { status_code: r.status_code, valid_password: r.valid_password, score: r.score, strength_policy: r.strength_policy };
});

await step("strength_check_weak", async () => {
  const r = await client.passwords.strengthCheck({ password: "password", email_address: ada });
  return { valid_password: r.valid_password, score: r.score, breached_password: r.breached_password, warning: r.zxcvbn_feedback.warning };
});

await step("email_reset_start", async () => {
  const r = await client.passwords.email.resetStart({ organization_id: state.organizationId, email_address: ada });
  const { message } = await latestMessage(url, projectId, ada);
  state.resetToken = message.token;
  return { status_code: r.status_code, member_id: r.member_id, kind: message.kind, token_length: message.token.length, link: message.link };
});

await step("email_reset", async () => {
  const r = await client.passwords.email.reset({ password_reset_token: state.resetToken, password: newPassword });
  return { status_code: r.status_code, member_id: r.member_id, member_authenticated: r.member_authenticated, factors: factors(r.member_session) };
});

await step("error_email_reset_token_reused", async () =>
  client.passwords.email.reset({ password_reset_token: state.resetToken, password: newPassword }));

await step("authenticate_new_password", async () => {
  const r = await client.passwords.authenticate({ organization_id: state.organizationId, email_address: ada, password: newPassword });
  return { status_code: r.status_code, member_authenticated: r.member_authenticated };
});

await step("error_authenticate_old_password", async () =>
  client.passwords.authenticate({ organization_id: state.organizationId, email_address: ada, password }));

await step("discovery_authenticate", async () => {
  const r = await client.passwords.discovery.authenticate({ email_address: ada, password: newPassword });
  state.intermediateSessionToken = r.intermediate_session_token;
  return {
    status_code: r.status_code,
    email_address: r.email_address,
    intermediate_session_token_length: r.intermediate_session_token.length,
    organization_ids: r.discovered_organizations.map((o) => o.organization.organization_id),
  };
});

await step("discovery_exchange", async () => {
  const r = await client.discovery.intermediateSessions.exchange({ intermediate_session_token: state.intermediateSessionToken, organization_id: state.organizationId });
  return { status_code: r.status_code, member_id: r.member_id, member_authenticated: r.member_authenticated, factors: factors(r.member_session) };
});

await step("authenticate_mfa_required", async () => {
  await client.organizations.update({ organization_id: state.organizationId, mfa_policy: "REQUIRED_FOR_ALL" });
  const r = await client.passwords.authenticate({ organization_id: state.organizationId, email_address: ada, password: newPassword });
  return {
    member_authenticated: r.member_authenticated,
    intermediate_session_token_length: r.intermediate_session_token.length,
    session_token: r.session_token,
    member_session: r.member_session ?? null,
  };
});

process.stdout.write(JSON.stringify({ sdk_version: sdkVersion(), project_id: projectId, steps }) + "\n");
