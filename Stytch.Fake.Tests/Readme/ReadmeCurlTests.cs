using System.Diagnostics;

namespace Stytch.Fake.Tests.Readme;

/// <summary>The README's back-door examples, run line by line with curl against a fake.</summary>
public sealed class ReadmeCurlTests
{
    [Test]
    public async Task BackDoorExamples_InReadme_AreServedByTheFake()
    {
        await using var stytch = await StytchFake.StartAsync();
        var readme = File.ReadAllText(Path.Combine(RepoRoot.Find(), "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var from = readme.IndexOf("```bash\ncurl $F/health\n", StringComparison.Ordinal);
        Assert.That(from, Is.GreaterThan(0), "the README's back-door example block is missing");
        var block = readme[(from + "```bash\n".Length)..readme.IndexOf("```", from + 7, StringComparison.Ordinal)];
        var lines = block.Split('\n').Where(l => l.StartsWith("curl ", StringComparison.Ordinal)).ToList();

        var directory = Directory.CreateTempSubdirectory("stytch-fake-readme-");
        try
        {
            // Each call prints its status on stderr, leaving stdout to the example's own redirections.
            var script = string.Join('\n',
            [
                "set -u",
                "curl() { command curl -sS -w '%{stderr}%{http_code}\\n' \"$@\"; }",
                $"F={stytch.Url}_fake/v1",
                $"P=$F/projects/{stytch.ProjectId}",
                "J='Content-Type: application/json'",
                .. lines,
            ]);
            var info = new ProcessStartInfo("bash", ["-c", script])
            {
                WorkingDirectory = directory.FullName,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using var bash = Process.Start(info)!;
            var stdout = bash.StandardOutput.ReadToEndAsync();
            var statuses = (await bash.StandardError.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            await bash.WaitForExitAsync();
            await stdout;

            Assert.That(statuses, Has.Length.EqualTo(lines.Count), string.Join('\n', statuses));
            Assert.Multiple(() =>
            {
                for (var i = 0; i < lines.Count; i++)
                {
                    // The one placeholder id (fault-test-…) names no fault.
                    var expected = lines[i].Contains("fault-test-…", StringComparison.Ordinal) ? Is.InRange(400, 499) : Is.InRange(200, 299);
                    Assert.That(int.Parse(statuses[i], System.Globalization.CultureInfo.InvariantCulture), expected, lines[i]);
                }
            });
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
