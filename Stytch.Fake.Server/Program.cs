using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using System.Runtime.InteropServices;
using Stytch.Fake;
using Stytch.Fake.Core;
using Stytch.Fake.Http;
using Stytch.Fake.Snapshots;

var port = new Option<int>("--port", "-p")
{
    Description = "Port to listen on; 0 picks a free one.",
    DefaultValueFactory = _ => 4010,
};
port.Validators.Add(r =>
{
    if (r.GetValueOrDefault<int>() is < 0 or > 65535)
    {
        r.AddError("--port must be between 0 and 65535.");
    }
});
var host = new Option<string>("--host")
{
    Description = "Address to listen on. Anything but loopback requires --admin-token.",
    DefaultValueFactory = _ => "127.0.0.1",
};
var projectId = new Option<string?>("--project-id") { Description = "Fixed project id (project-test-<uuid> or project-live-<uuid>); generated when omitted." };
projectId.Validators.Add(r =>
{
    if (r.GetValueOrDefault<string?>() is { } id && !StytchFakeProject.IsWellFormedProjectId(id))
    {
        r.AddError($"--project-id '{id}' is not a Stytch project id: expected project-test-<uuid> or project-live-<uuid>.");
    }
});
var secret = new Option<string?>("--secret") { Description = "Fixed secret; generated when omitted." };
var seed = new Option<int?>("--seed") { Description = "Seed for ids and codes, so a run can be replayed." };
var rateLimits = new Option<bool>("--rate-limits") { Description = "Turn on Stytch-like rate limits (429 too_many_requests)." };
var snapshot = new Option<FileInfo?>("--snapshot") { Description = "Load the project's state from this JSON file at start (when it exists)." };
var saveSnapshot = new Option<bool>("--save-snapshot") { Description = "With --snapshot: write the project's state back to that file on shutdown." };
var rbacPolicy = new Option<FileInfo?>("--rbac-policy") { Description = "Load the project's RBAC policy (roles, resources, scopes) from this JSON file at start: a Policy object or a saved GET /v1/b2b/rbac/policy answer." };
var strict = new Option<bool>("--strict") { Description = "Refuse request fields the fake does not know (400 bad_request naming the field) instead of ignoring them." };
var allowedHost = new Option<string[]>("--allowed-host")
{
    Description = "Another host name to answer to (repeatable): name for any port, or name:port. Loopback names and --host on the server's port are always allowed.",
    AllowMultipleArgumentsPerToken = false,
};
allowedHost.Validators.Add(r =>
{
    foreach (var h in r.GetValueOrDefault<string[]>() ?? [])
    {
        if (!StytchFake.IsValidAllowedHost(h))
        {
            r.AddError($"--allowed-host '{h}' is not a host name, or a host name and port.");
        }
    }
});
var allowedOrigin = new Option<string[]>("--allowed-origin")
{
    Description = "A browser origin the frontend SDK (/sdk/v1) may call from (repeatable), such as https://app.example.com; any loopback origin is always allowed.",
    AllowMultipleArgumentsPerToken = false,
};
allowedOrigin.Validators.Add(r =>
{
    foreach (var o in r.GetValueOrDefault<string[]>() ?? [])
    {
        if (!ProjectOrigins.IsValidOrigin(o))
        {
            r.AddError($"--allowed-origin '{o}' is not an origin: expected http(s)://host[:port] without a path.");
        }
    }
});
var redirectUrl = new Option<string[]>("--redirect-url")
{
    Description = "A redirect URL the project allows (repeatable): [default:]TYPE=URL, TYPE one of login, signup, invite, discovery, " +
        "reset_password (several joined by commas) or all; default: makes it the type's default. Given at all, these replace " +
        "the fresh project's http://localhost:3000/authenticate defaults. Example: --redirect-url default:all=https://app.example/authenticate",
    AllowMultipleArgumentsPerToken = false,
};
redirectUrl.Validators.Add(r =>
{
    var all = new List<RedirectUrl>();
    foreach (var spec in r.GetValueOrDefault<string[]>() ?? [])
    {
        if (RedirectUrlNames.ParseFlag(spec, out var error) is { } urls)
        {
            all.AddRange(urls);
        }
        else
        {
            r.AddError(error);
        }
    }

    try
    {
        RedirectUrls.Check(all);
    }
    catch (StytchException e)
    {
        r.AddError("--redirect-url: " + e.Error.Message);
    }
});
var adminToken = new Option<string?>("--admin-token") { Description = "Token every /_fake/ call must send (X-Admin-Token or Authorization: Bearer)." };
adminToken.Validators.Add(r =>
{
    if (r.GetValueOrDefault<string?>() is { } token && string.IsNullOrWhiteSpace(token))
    {
        r.AddError("--admin-token is empty or blank: give a real token, or leave the option out on loopback.");
    }
});
var defaults = new StytchFakeLimits();
var maxProjects = LimitOption("--max-projects", "Most projects the server hosts", defaults.MaxProjects);
var maxSigningKeys = LimitOption("--max-signing-keys", "Most signing keys one project publishes", defaults.MaxSigningKeysPerProject);
var maxFaultRules = LimitOption("--max-fault-rules", "Most fault rules one project holds", defaults.MaxFaultRulesPerProject);

// A plain Command named stytch-fake rather than a RootCommand, which names itself after the entry assembly
// (Stytch.Fake.Server): people run the installed tool as stytch-fake, and --help should show what to type.
var root = new Command("stytch-fake", "Stytch.Fake: a fake Stytch API for tests, with back doors under /_fake/v1/.")
{
    port, host, allowedHost, allowedOrigin, projectId, secret, seed, rateLimits, strict, redirectUrl, snapshot, saveSnapshot, rbacPolicy, adminToken, maxProjects, maxSigningKeys, maxFaultRules, new HelpOption(), new VersionOption(),
};
root.Validators.Add(r =>
{
    var h = r.GetValue(host) ?? "127.0.0.1";
    if (r.GetValue(adminToken) is null && !StytchFake.IsLoopbackHost(h))
    {
        r.AddError($"--host {h} is not loopback: pass --admin-token so the back doors are not open to the network.");
    }
});

root.Validators.Add(r =>
{
    if (r.GetValue(saveSnapshot) && r.GetValue(snapshot) is null)
    {
        r.AddError("--save-snapshot needs --snapshot <file>.");
    }
});

root.SetAction(async (parsed, cancellation) =>
{
    await using var stytch = await StytchFake.StartAsync(new StytchFakeOptions
    {
        Port = parsed.GetValue(port),
        Host = parsed.GetValue(host) ?? "127.0.0.1",
        AdminToken = parsed.GetValue(adminToken),
        AllowedHosts = parsed.GetValue(allowedHost) ?? [],
        Limits = new StytchFakeLimits
        {
            MaxProjects = parsed.GetValue(maxProjects),
            MaxSigningKeysPerProject = parsed.GetValue(maxSigningKeys),
            MaxFaultRulesPerProject = parsed.GetValue(maxFaultRules),
        },
        Project = new StytchProjectOptions
        {
            ProjectId = parsed.GetValue(projectId),
            Secret = parsed.GetValue(secret),
            Seed = parsed.GetValue(seed),
            RateLimits = parsed.GetValue(rateLimits),
            StrictFields = parsed.GetValue(strict),
            AllowedOrigins = parsed.GetValue(allowedOrigin) ?? [],
            RedirectUrls = parsed.GetValue(redirectUrl) is { Length: > 0 } specs
                ? [.. specs.SelectMany(spec => RedirectUrlNames.ParseFlag(spec, out _)!)]
                : null,
        },
    });

    var output = parsed.InvocationConfiguration.Output;
    var snapshotFile = parsed.GetValue(snapshot);
    if (snapshotFile is { Exists: true })
    {
        // The size first, from the file system: reading an oversized (or sparse, or endless) file to find out would
        // take its whole size in memory.
        if (snapshotFile.Length > SnapshotJson.MaxBytes)
        {
            await parsed.InvocationConfiguration.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"--snapshot {snapshotFile.FullName}: {SnapshotJson.TooLarge.Message} The file is {snapshotFile.Length:N0} bytes."));
            return 1;
        }

        try
        {
            stytch.DefaultProject.ImportSnapshot(await File.ReadAllTextAsync(snapshotFile.FullName, CancellationToken.None));
        }
        catch (StytchException e)
        {
            await parsed.InvocationConfiguration.Error.WriteLineAsync($"--snapshot {snapshotFile.FullName}: {e.Error.Message}");
            return 1;
        }

        await output.WriteLineAsync($"loaded snapshot {snapshotFile.FullName}");
    }

    // After the snapshot, so that the file's policy wins over the one a snapshot holds.
    if (parsed.GetValue(rbacPolicy) is { } policyFile)
    {
        try
        {
            stytch.DefaultProject.Rbac.LoadPolicyJson(await File.ReadAllTextAsync(policyFile.FullName, CancellationToken.None));
        }
        catch (Exception e) when (e is StytchException or IOException or UnauthorizedAccessException)
        {
            await parsed.InvocationConfiguration.Error.WriteLineAsync($"--rbac-policy {policyFile.FullName}: {(e is StytchException refused ? refused.Error.Message : e.Message)}");
            return 1;
        }

        await output.WriteLineAsync($"loaded RBAC policy {policyFile.FullName}");
    }

    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Stytch.Fake listening on {stytch.Url}"));
    await output.WriteLineAsync($"project_id: {stytch.ProjectId}");
    await output.WriteLineAsync($"secret:     {stytch.Secret}");
    await output.WriteLineAsync($"public_token: {stytch.DefaultProject.PublicToken}");
    if (stytch.DefaultProject.StrictFields)
    {
        await output.WriteLineAsync("fields:     strict (unknown request fields are refused with 400 bad_request)");
    }

    await output.WriteLineAsync($"back doors: {stytch.Url}_fake/v1/projects/{stytch.ProjectId}/outbox");
    await output.WriteLineAsync($"inbox:      {stytch.Url}_fake/");
    await output.WriteLineAsync("Press Ctrl+C to stop.");
    await output.FlushAsync(CancellationToken.None);

    // Ctrl+C and SIGTERM (e.g. from a process manager or CI) both end the wait; the server is then
    // disposed and the process exits 0.
    using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
    using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopOn);
    using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, StopOn);
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
        // Ctrl+C or SIGTERM: fall through to dispose the server and exit 0.
    }

    if (parsed.GetValue(saveSnapshot) && snapshotFile is not null)
    {
        try
        {
            // Atomic and owner-only: a crash mid-save leaves the previous file whole.
            await SnapshotFile.WriteAsync(snapshotFile.FullName, stytch.DefaultProject.ExportSnapshot(), PauseForTests(output), CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await parsed.InvocationConfiguration.Error.WriteLineAsync($"--save-snapshot {snapshotFile.FullName}: {e.Message}");
            return 1;
        }

        await output.WriteLineAsync($"saved snapshot {snapshotFile.FullName}");
    }

    await output.WriteLineAsync("Stytch.Fake stopped.");
    return 0;

    void StopOn(PosixSignalContext context)
    {
        context.Cancel = true;
        stop.Cancel();
    }
});

return await root.Parse(args).InvokeAsync();

static Option<int> LimitOption(string name, string what, int byDefault)
{
    var option = new Option<int>(name)
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"{what} (default {byDefault:N0}); past it, calls get a 400 naming the cap."),
        DefaultValueFactory = _ => byDefault,
    };
    option.Validators.Add(r =>
    {
        if (r.GetValueOrDefault<int>() < 1)
        {
            r.AddError($"{name} must be at least 1.");
        }
    });
    return option;
}

// Test-only: with STYTCH_FAKE_TEST_PAUSE_SNAPSHOT_SAVE=1 a save stops for good with half the file written, so a
// test can kill the process there and check that the previous snapshot survived.
static Func<CancellationToken, Task>? PauseForTests(TextWriter output) =>
    Environment.GetEnvironmentVariable("STYTCH_FAKE_TEST_PAUSE_SNAPSHOT_SAVE") != "1"
        ? null
        : async cancellation =>
        {
            await output.WriteLineAsync("snapshot save paused halfway (STYTCH_FAKE_TEST_PAUSE_SNAPSHOT_SAVE)");
            await output.FlushAsync(cancellation);
            await Task.Delay(Timeout.Infinite, cancellation);
        };
