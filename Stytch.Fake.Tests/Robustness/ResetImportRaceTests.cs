using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Stytch.Fake.Products.Consumer.EmailOtp;

namespace Stytch.Fake.Tests.Robustness;

/// <summary>
/// <see cref="StytchFakeProject.Reset"/> and <see cref="StytchFakeProject.ImportSnapshot"/> replace consumer and B2B
/// state in one step: readers racing them, while writers keep adding users and organizations, only ever see the
/// whole of snapshot A, the whole of snapshot B or nothing of either, never a mix, and nobody gets an exception.
/// </summary>
public sealed class ResetImportRaceTests
{
    private const int Replacements = 120;
    private const int Readers = 3;
    private const int Writers = 2;
    private const int WritesPerReplacement = 4;
    private static readonly DateTimeOffset Start = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Test]
    public async Task ResetAndImport_RacingReadersAndWriters_NoReaderSeesAHalfState()
    {
        await using var stytch = await StytchFake.StartAsync(new StytchFakeOptions { Project = new StytchProjectOptions { TimeProvider = new FakeTimeProvider(Start) } });
        var project = stytch.DefaultProject;
        var snapshots = new[] { SnapshotOf(stytch, "a"), SnapshotOf(stytch, "b") };
        var problems = new ConcurrentQueue<string>();
        var observed = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var reads = 0L;
        var replaced = 0L;
        using var done = new CancellationTokenSource();

        var racer = Task.Run(() =>
        {
            try
            {
                for (var i = 0; i < Replacements; i++)
                {
                    var before = Interlocked.Read(ref reads);
                    if (i % 3 == 2)
                    {
                        project.Reset();
                    }
                    else
                    {
                        project.ImportSnapshot(snapshots[i % 2]);
                    }

                    // Not a timing assumption: the next replacement waits until some read has run wholly after this
                    // one (two completions since, as one may have begun before), so every state is observed at least once.
                    var spin = default(SpinWait);
                    while (Interlocked.Read(ref reads) < before + 2)
                    {
                        spin.SpinOnce();
                    }

                    Interlocked.Increment(ref replaced);
                }
            }
            finally
            {
                done.Cancel();
            }
        });
        var readers = Enumerable.Range(0, Readers).Select(r => Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                // One transaction, as every engine operation: users, organizations, members and messages of one instant.
                var seen = project.Store.Transact(() => new Seen(
                    project.Users.All.Select(u => u.Email).ToArray(),
                    project.B2B.Organizations.All.Select(o => o.OrganizationName).ToArray(),
                    project.B2B.Members.All.Select(m => m.EmailAddress).ToArray(),
                    project.Outbox.All.Select(m => m.EmailAddress).ToArray()));
                Check(seen, "read", problems, observed);
                Check(SeenIn(project.ExportSnapshot()), "export", problems, observed);
                Interlocked.Increment(ref reads);
            }
        })).ToArray();
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(() =>
        {
            var spin = default(SpinWait);
            for (var n = 0; !done.IsCancellationRequested;)
            {
                // A few writes per replacement, so that the state (and each read) stays small.
                if (n >= WritesPerReplacement * (Interlocked.Read(ref replaced) + 1))
                {
                    spin.SpinOnce();
                    continue;
                }

                project.ConsumerProducts.EmailOtp.LoginOrCreate($"w{w}-{n}@writer.test", new EmailOtpOptions());
                project.B2BProducts.Organizations.Create(new OrganizationFields { OrganizationName = $"Writer {w}-{n}" });
                n++;
            }
        })).ToArray();

        // Any exception of the racer, a reader or a writer fails the test here.
        await Task.WhenAll([racer, .. readers, .. writers]);

        Assert.That(problems, Is.Empty);
        // The readers saw each state at least once (a race that observed nothing would prove nothing).
        Assert.That(observed.Keys, Is.SupersetOf(new[] { "a", "b", "empty" }));
    }

    /// <summary>Snapshot <paramref name="tag"/>: three users, two organizations with a member each, and the users' codes.</summary>
    private static string SnapshotOf(StytchFake stytch, string tag)
    {
        var source = stytch.CreateProject(new StytchProjectOptions { TimeProvider = new FakeTimeProvider(Start) });
        for (var i = 1; i <= 3; i++)
        {
            source.ConsumerProducts.EmailOtp.LoginOrCreate($"{tag}{i}@{tag}.test", new EmailOtpOptions());
        }

        for (var i = 1; i <= 2; i++)
        {
            source.Seed.Organization(o => o.Name($"Org {tag}{i}")).WithMember($"member{i}@{tag}.test");
        }

        return source.ExportSnapshot();
    }

    private sealed record Seen(string[] Users, string[] Organizations, string[] Members, string[] Messages);

    private static Seen SeenIn(string snapshot)
    {
        var json = JsonNode.Parse(snapshot)!;
        string[] Strings(JsonNode? part, string list, string field) =>
            part?[list]?.AsArray().Select(n => n![field]!.GetValue<string>()).ToArray() ?? [];
        return new Seen(
            json["users"]?.AsArray().SelectMany(u => u!["emails"]!.AsArray().Select(e => e!["email"]!.GetValue<string>())).ToArray() ?? [],
            Strings(json["b2b"], "organizations", "organization_name"),
            Strings(json["b2b"], "members", "email_address"),
            Strings(json, "outbox", "email_address"));
    }

    /// <summary>What a reader saw must be snapshot A's whole, snapshot B's whole or neither, beside the writers' own.</summary>
    private static void Check(Seen seen, string how, ConcurrentQueue<string> problems, ConcurrentDictionary<string, bool> observed)
    {
        static string[] Ours(IEnumerable<string> values) => values.Where(v => !v.Contains("writer", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToArray();
        var users = Ours(seen.Users);
        var organizations = Ours(seen.Organizations);
        var members = Ours(seen.Members);
        var messages = Ours(seen.Messages);
        string? shape = null;
        foreach (var tag in new[] { "a", "b" })
        {
            if (users.SequenceEqual([$"{tag}1@{tag}.test", $"{tag}2@{tag}.test", $"{tag}3@{tag}.test"])
                && organizations.SequenceEqual([$"Org {tag}1", $"Org {tag}2"])
                && members.SequenceEqual([$"member1@{tag}.test", $"member2@{tag}.test"])
                && messages.SequenceEqual(users))
            {
                shape = tag;
            }
        }

        if (shape is null && users.Length + organizations.Length + members.Length + messages.Length == 0)
        {
            shape = "empty";
        }

        if (shape is null)
        {
            problems.Enqueue($"{how}: users [{string.Join(", ", users)}], organizations [{string.Join(", ", organizations)}], members [{string.Join(", ", members)}], messages [{string.Join(", ", messages)}]");
        }
        else
        {
            observed[shape] = true;
        }
    }
}
