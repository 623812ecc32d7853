// Drives the users calls of Stytch's official Node SDK (npm `stytch`, pinned in package.json) against a running
// Stytch.Fake server and prints one JSON object: { steps: { <name>: { ok, value } | { ok: false, error } } }.
// NodeSdkTests.Users.cs starts the standalone server, runs this script and asserts on what it prints.
//
//   URL=http://127.0.0.1:4010/ PROJECT_ID=project-test-... SECRET=secret-test-... node users.mjs

import stytch from "stytch";
import { ignoredFields, sdkVersion, settings, stepRunner } from "./harness.mjs";

const { url, projectId, secret, origin } = settings("users.mjs");
const client = new stytch.Client({ project_id: projectId, secret, env: origin, timeout: 20_000 });

const { steps, step } = stepRunner();
const state = {};
const stamp = Date.now();

const summary = (u) => ({
  user_id: u.user_id,
  status: u.status,
  emails: u.emails.map((e) => e.email),
  phone_numbers: u.phone_numbers.map((p) => p.phone_number),
  name: u.name,
  trusted_metadata: u.trusted_metadata,
  untrusted_metadata: u.untrusted_metadata,
  external_id: u.external_id,
  roles: u.roles,
  password: u.password ?? null,
});

await step("users_create", async () => {
  const r = await client.users.create({
    email: `node-sdk-user-${stamp}@example.com`,
    phone_number: "+14155550123",
    name: { first_name: "Ada", last_name: "Byron" },
    trusted_metadata: { plan: "free", seats: 1 },
    untrusted_metadata: { theme: "light" },
    external_id: `crm-${stamp}`,
  });
  state.userId = r.user_id;
  return { status_code: r.status_code, email_id: r.email_id, phone_id: r.phone_id, status: r.status, user: summary(r.user) };
});

await step("users_create_duplicate_phone", async () => client.users.create({ phone_number: "+14155550123" }));

await step("users_update", async () => {
  const r = await client.users.update({
    user_id: state.userId,
    name: { last_name: "Lovelace" },
    trusted_metadata: { plan: "pro", seats: null },
    roles: ["editor"],
  });
  return { status_code: r.status_code, user_id: r.user_id, emails: r.emails.length, phone_numbers: r.phone_numbers.length, user: summary(r.user) };
});

await step("users_get_by_external_id", async () => {
  const r = await client.users.get({ user_id: `crm-${stamp}` });
  return { status_code: r.status_code, user_id: r.user_id };
});

await step("users_create_more", async () => {
  for (const i of [1, 2]) {
    await client.users.create({ email: `node-sdk-more-${i}-${stamp}@example.com`, create_user_as_pending: true });
  }

  return { created: 2 };
});

await step("users_search_pending", async () => {
  const r = await client.users.search({
    limit: 1,
    query: { operator: "AND", operands: [{ filter_name: "status", filter_value: "pending" }] },
  });
  const next = await client.users.search({
    limit: 1,
    cursor: r.results_metadata.next_cursor,
    query: { operator: "AND", operands: [{ filter_name: "status", filter_value: "pending" }] },
  });
  return {
    status_code: r.status_code,
    total: r.results_metadata.total,
    first: r.results.map((u) => u.emails[0]?.email),
    second: next.results.map((u) => u.emails[0]?.email),
    next_cursor_after_second: next.results_metadata.next_cursor ?? null,
  };
});

await step("users_search_phone", async () => {
  const r = await client.users.search({
    query: { operator: "OR", operands: [{ filter_name: "phone_number", filter_value: ["+14155550123"] }, { filter_name: "full_name_fuzzy", filter_value: "Nobody at all" }] },
  });
  return { status_code: r.status_code, user_ids: r.results.map((u) => u.user_id) };
});

await step("users_search_all", async () => {
  const pages = [];
  for await (const results of client.users.searchAll({ limit: 2 })) {
    pages.push(results.length);
  }

  return { pages };
});

await step("users_delete_phone_number", async () => {
  const user = await client.users.get({ user_id: state.userId });
  const r = await client.users.deletePhoneNumber({ phone_id: user.phone_numbers[0].phone_id });
  return { status_code: r.status_code, phone_numbers: r.user.phone_numbers.length };
});

await step("users_delete_external_id", async () => {
  const r = await client.users.deleteExternalId({ user_id: state.userId });
  return { status_code: r.status_code, external_id: r.user.external_id };
});

// Last: every call above, as the fake's request log saw it.
await step("request_log", async () => ignoredFields(url, projectId));

process.stdout.write(JSON.stringify({ sdk_version: sdkVersion(), steps }) + "\n");
