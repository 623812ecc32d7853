// Drives the consumer password calls of Stytch's official Node SDK (npm `stytch`, pinned in package.json) against a
// running Stytch.Fake server and prints one JSON object: { steps: { <name>: { ok, value } | { ok: false, error } } }.
// NodeSdkTests.Passwords.cs starts the standalone server, runs this script and asserts on what it prints.
//
//   URL=http://127.0.0.1:4010/ PROJECT_ID=project-test-... SECRET=secret-test-... node passwords.mjs

import stytch from "stytch";
import { ignoredFields, latestMessage, sdkVersion, settings, stepRunner } from "./harness.mjs";

const { url, projectId, secret, origin } = settings("passwords.mjs");
const client = new stytch.Client({ project_id: projectId, secret, env: origin, timeout: 20_000 });

const { steps, step } = stepRunner();
const state = {};
const stamp = Date.now();
const email = `node-sdk-password-${stamp}@example.com`;
const migratedEmail = `node-sdk-migrated-${stamp}@example.com`;
const strong = "violet-Tractor-umbrella-88";
const replacement = "another-Quiet-lantern-71";
// A strong password and its MD-5 (hex, computed by Python's hashlib), as another system would have kept it.
const legacy = "Plover-Quartz-91!";
const legacyMd5 = "2ee220973e9e0639bfce3288cc491f0e";

const factorsOf = (session) => (session?.authentication_factors ?? []).map((f) => ({ type: f.type, delivery_method: f.delivery_method }));

await step("passwords_create", async () => {
  const r = await client.passwords.create({ email, password: strong, session_duration_minutes: 60 });
  state.userId = r.user_id;
  return {
    status_code: r.status_code,
    user_id: r.user_id,
    email_id: r.email_id,
    session_token_length: r.session_token.length,
    factors: factorsOf(r.session),
    password_id: r.user.password?.password_id ?? null,
  };
});

await step("passwords_create_weak", async () => client.passwords.create({ email: `node-sdk-weak-${stamp}@example.com`, password: "password" }));

await step("passwords_authenticate", async () => {
  const r = await client.passwords.authenticate({ email, password: strong, session_duration_minutes: 30 });
  return { status_code: r.status_code, user_id: r.user_id, session_token_length: r.session_token.length, factors: factorsOf(r.session) };
});

await step("passwords_authenticate_wrong", async () => client.passwords.authenticate({ email, password: replacement }));

await step("passwords_strength_check_weak", async () => {
  const r = await client.passwords.strengthCheck({ password: "password" });
  return {
    status_code: r.status_code,
    valid_password: r.valid_password,
    score: r.score,
    strength_policy: r.strength_policy,
    warning: r.feedback.warning,
    suggestions: r.feedback.suggestions,
  };
});

await step("passwords_strength_check_strong", async () => {
  const r = await client.passwords.strengthCheck({ password: strong, email });
  return { status_code: r.status_code, valid_password: r.valid_password, score: r.score, breached_password: r.breached_password };
});

await step("passwords_reset_start", async () => {
  const r = await client.passwords.email.resetStart({ email, reset_password_expiration_minutes: 15 });
  return { status_code: r.status_code, user_id: r.user_id, email_id: r.email_id };
});

await step("passwords_reset_outbox", async () => {
  const { message } = await latestMessage(url, projectId, email);
  state.resetToken = message.token;
  return { kind: message.kind, token: message.token, link: message.link };
});

await step("passwords_reset", async () => {
  const r = await client.passwords.email.reset({ token: state.resetToken, password: replacement, session_duration_minutes: 60 });
  return { status_code: r.status_code, user_id: r.user_id, factors: factorsOf(r.session) };
});

await step("passwords_reset_reused_token", async () => client.passwords.email.reset({ token: state.resetToken, password: "Third-Harbor-Lemon-63" }));

await step("passwords_authenticate_old_after_reset", async () => client.passwords.authenticate({ email, password: strong }));

await step("passwords_authenticate_new_after_reset", async () => {
  const r = await client.passwords.authenticate({ email, password: replacement, session_duration_minutes: 30 });
  return { status_code: r.status_code, user_id: r.user_id };
});

await step("passwords_migrate", async () => {
  const r = await client.passwords.migrate({ email: migratedEmail, hash_type: "md_5", hash: legacyMd5, set_email_verified: true, name: { first_name: "Ada" } });
  return { status_code: r.status_code, user_id: r.user_id, user_created: r.user_created, verified: r.user.emails[0].verified, first_name: r.user.name.first_name };
});

await step("passwords_authenticate_migrated", async () => {
  const r = await client.passwords.authenticate({ email: migratedEmail, password: legacy });
  return { status_code: r.status_code, user_id: r.user_id };
});

await step("request_log", async () => ignoredFields(url, projectId));

process.stdout.write(JSON.stringify({ sdk_version: sdkVersion(), steps }) + "\n");
