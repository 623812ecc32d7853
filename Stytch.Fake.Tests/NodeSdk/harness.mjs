// What consumer.mjs and b2b.mjs share: the settings from the environment, the step runner that records
// each SDK call's result or typed error, and the back-door reads of the outbox.

import { readFileSync } from "node:fs";
import stytch from "stytch";

/** URL, PROJECT_ID and SECRET from the environment; exits 2 naming the script when one is missing. */
export function settings(script) {
  const required = (name) => {
    const value = process.env[name];
    if (!value) {
      process.stderr.write(`${script}: set ${name} (URL, PROJECT_ID and SECRET are required)\n`);
      process.exit(2);
    }

    return value;
  };
  const url = required("URL");
  return { url, projectId: required("PROJECT_ID"), secret: required("SECRET"), origin: new URL(url).origin };
}

/** Runs named steps; every step runs even when an earlier one failed, so one run reports every mismatch. */
export function stepRunner() {
  const steps = {};
  async function step(name, run) {
    try {
      steps[name] = { ok: true, value: await run() };
    } catch (err) {
      steps[name] = { ok: false, error: describe(err) };
    }
  }

  return { steps, step };
}

function describe(err) {
  if (err instanceof stytch.StytchError) {
    return {
      class: "StytchError",
      status_code: err.status_code,
      error_type: err.error_type,
      error_message: err.error_message,
      error_url: err.error_url,
      request_id: err.request_id,
    };
  }

  if (err instanceof stytch.ClientError) {
    return { class: "ClientError", code: err.code, message: err.message };
  }

  if (err instanceof stytch.RequestError) {
    return { class: "RequestError", message: err.message };
  }

  return { class: err?.constructor?.name ?? typeof err, message: String(err?.message ?? err), stack: err?.stack };
}

/** The back door: the newest message the fake "sent" to this address, and how many it holds. */
export async function latestMessage(url, projectId, address) {
  const outbox = new URL(`_fake/v1/projects/${encodeURIComponent(projectId)}/outbox`, url.endsWith("/") ? url : `${url}/`);
  outbox.searchParams.set("email_address", address);
  const response = await fetch(outbox);
  if (response.status !== 200) {
    throw new Error(`outbox answered ${response.status}: ${await response.text()}`);
  }

  const body = await response.json();
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    throw new Error(`no message for ${address}: ${JSON.stringify(body)}`);
  }

  return { message: body.messages[0], count: body.messages.length };
}

/** A well-formed code that is not <code>. */
export function otherCode(code) {
  return String((Number(code) + 1) % 1_000_000).padStart(6, "0");
}

/** The installed package's own manifest: the test checks that the pinned version is the one that ran. */
export function sdkVersion() {
  return JSON.parse(readFileSync(new URL("./node_modules/stytch/package.json", import.meta.url), "utf8")).version;
}

/**
 * The back door's request log: how many calls the project answered and those whose body held fields the fake
 * ignored (ones it does not know), so a run shows whether the SDK sends anything the fake would silently drop.
 */
export async function ignoredFields(url, projectId) {
  const target = new URL(`_fake/v1/projects/${encodeURIComponent(projectId)}/requests`, url.endsWith("/") ? url : `${url}/`);
  const response = await fetch(target);
  if (response.status !== 200) {
    throw new Error(`requests answered ${response.status}: ${await response.text()}`);
  }

  const { requests } = await response.json();
  return {
    requests: requests.length,
    ignored: requests
      .filter((r) => r.ignored_fields.length > 0)
      .map((r) => ({ method: r.method, path: r.path, ignored_fields: r.ignored_fields })),
  };
}

// The back door's request log: how many requests the fake answered with this method and path.
export async function requestCount(url, projectId, method, path) {
  const target = new URL(`_fake/v1/projects/${encodeURIComponent(projectId)}/requests`, url.endsWith("/") ? url : `${url}/`);
  const { requests } = await (await fetch(target)).json();
  return requests.filter((r) => r.method === method && r.path === path).length;
}
