using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Stytch.Fake.Tests.Server;

namespace Stytch.Fake.Tests.Readme;

/// <summary>
/// The README's shell examples, run as written against the standalone server started with the README's own
/// command line: the banner it shows is the one the server prints, and every <c>curl</c> in every <c>bash</c>
/// block, in order, succeeds. So the examples agree on the address, say where <c>$PROJECT_ID</c> and <c>$SECRET</c>
/// come from, and never collide with each other (say, by creating a project with the id the server already has).
/// </summary>
public sealed partial class ReadmeShellTests
{
    // The address the README writes; the test's server listens on a free port instead.
    private const string ReadmeAddress = "http://127.0.0.1:4010";

    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);
    private string _readme = "";
    private ServerProcess? _server;

    private ServerProcess Server => _server ?? throw new InvalidOperationException("The server starts in OneTimeSetUp.");

    [OneTimeSetUp]
    public async Task StartTheReadmesServerAsync()
    {
        _readme = File.ReadAllText(Path.Combine(RepoRoot.Find(), "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var lines = BashBlocks(_readme).SelectMany(b => b).ToList();
        foreach (var line in lines.TakeWhile(l => !l.StartsWith("stytch-fake --port", StringComparison.Ordinal)))
        {
            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                Assign(Words(line)[1..]);
            }
        }

        var start = lines.FirstOrDefault(l => l.StartsWith("stytch-fake --port", StringComparison.Ordinal))
            ?? throw new AssertionException("The README shows no `stytch-fake --port …` command line.");
        var args = Words(start)[1..];
        args[Array.IndexOf(args, "--port") + 1] = "0";
        _server = await ServerProcess.StartAsync(args);
    }

    [OneTimeTearDown]
    public async Task StopTheServerAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Test]
    public void Readme_ServerBanner_IsWhatTheServerPrints()
    {
        var banner = TextBlocks(_readme).FirstOrDefault(b => b.StartsWith("Stytch.Fake listening on ", StringComparison.Ordinal))
            ?? throw new AssertionException("The README shows no server banner.");
        var expected = banner.Replace(ReadmeAddress + "/", Server.Url.ToString(), StringComparison.Ordinal).Split('\n');

        var printed = Server.Output.Split('\n').Take(expected.Length);

        Assert.Multiple(() =>
        {
            Assert.That(printed, Is.EqualTo(expected));
            Assert.That(Server.Url.Host, Is.EqualTo(new Uri(ReadmeAddress).Host));
        });
    }

    [Test]
    public async Task Readme_ShellExamples_EveryCurlSucceedsInOrder()
    {
        using var http = new HttpClient();
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var failures = new List<string>();
        string? lastFaultId = null;
        var curls = 0;
        foreach (var line in BashBlocks(_readme).SelectMany(b => b))
        {
            var words = Words(line);
            if (words.Length == 0 || words[0] is "dotnet" or "stytch-fake" or "export")
            {
                continue;   // installs and builds; the server is already running; variables were read at start
            }

            if (words[0] != "curl")
            {
                Assign(words);
                continue;
            }

            curls++;
            using var request = Curl(words[1..], files, lastFaultId, out var saveTo);
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                failures.Add($"{line}\n  → {(int)response.StatusCode} {body}");
            }

            if (saveTo is not null)
            {
                files[saveTo] = body;
            }

            if (body.StartsWith('{') && JsonNode.Parse(body)?["fault_id"]?.GetValue<string>() is { } faultId)
            {
                lastFaultId = faultId;
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(curls, Is.GreaterThan(20), "the README's curl examples were not found");
            Assert.That(failures, Is.Empty, string.Join("\n", failures));
        });
    }

    /// <summary>A request for curl's <paramref name="args"/>, as curl would send it.</summary>
    private HttpRequestMessage Curl(string[] args, Dictionary<string, string> files, string? lastFaultId, out string? saveTo)
    {
        string? method = null, body = null, url = null, contentType = null;
        saveTo = null;
        var request = new HttpRequestMessage();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-X":
                    method = args[++i];
                    break;
                case "-d":
                    body = args[++i];
                    break;
                case "--data-binary":
                    var file = args[++i];
                    body = file.StartsWith('@') ? files[file[1..]] : file;
                    break;
                case "-u":
                    request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(args[++i])));
                    break;
                case "-H":
                    var header = args[++i].Split(':', 2);
                    if (header[0].Equals("content-type", StringComparison.OrdinalIgnoreCase))
                    {
                        contentType = header[1].Trim();
                    }
                    else
                    {
                        request.Headers.Add(header[0], header[1].Trim());
                    }

                    break;
                case ">":
                    saveTo = args[++i];
                    break;
                default:
                    Assert.That(args[i], Does.Not.StartWith("-"), $"curl option {args[i]} is not known to this test");
                    url = args[i];
                    break;
            }
        }

        Assert.That(url, Is.Not.Null, "a curl without a URL: " + string.Join(' ', args));
        // The README leaves the id of the fault to remove for the reader to fill in.
        url = url!.Replace("fault-test-…", lastFaultId ?? "fault-test-…", StringComparison.Ordinal);
        request.RequestUri = new Uri(url.Replace(ReadmeAddress + "/", Server.Url.ToString(), StringComparison.Ordinal));
        request.Method = new HttpMethod(method ?? (body is null ? "GET" : "POST"));
        if (body is not null || contentType is not null)
        {
            // curl -d sends a form content type unless told otherwise, and a Content-Type given with -H even
            // without a body (which the back doors that change state require).
            request.Content = new StringContent(body ?? "", Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "application/x-www-form-urlencoded");
        }

        return request;
    }

    private void Assign(IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            Assert.That(equals, Is.GreaterThan(0), $"'{word}' in a README shell example is neither curl nor NAME=value");
            _variables[word[..equals]] = word[(equals + 1)..];
        }
    }

    /// <summary>The lines of every <c>```bash</c> block, with <c>\</c>-continued lines joined.</summary>
    private static IEnumerable<List<string>> BashBlocks(string readme) =>
        Blocks(readme, "bash").Select(block => block.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n').ToList());

    private static IEnumerable<string> TextBlocks(string readme) => Blocks(readme, "text");

    private static IEnumerable<string> Blocks(string readme, string language) =>
        FencedBlock().Matches(readme).Where(m => m.Groups["lang"].Value == language).Select(m => m.Groups["code"].Value.TrimEnd('\n'));

    /// <summary>A shell line's words: quotes, <c>$NAME</c> expansion (not inside single quotes) and <c>#</c> comments.</summary>
    private string[] Words(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\'')
            {
                var end = line.IndexOf('\'', i + 1);
                word.Append(line, i + 1, end - i - 1);
                i = end;
                inWord = true;
            }
            else if (c == '"')
            {
                var end = line.IndexOf('"', i + 1);
                word.Append(Expand(line[(i + 1)..end]));
                i = end;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                Flush();
            }
            else if (c == '#' && !inWord)
            {
                break;
            }
            else
            {
                var end = i;
                while (end < line.Length && !char.IsWhiteSpace(line[end]) && line[end] is not ('\'' or '"'))
                {
                    end++;
                }

                word.Append(Expand(line[i..end]));
                i = end - 1;
                inWord = true;
            }
        }

        Flush();
        return [.. words];

        void Flush()
        {
            if (inWord)
            {
                words.Add(word.ToString());
            }

            word.Clear();
            inWord = false;
        }
    }

    private string Expand(string text) => ShellVariable().Replace(text, m =>
        _variables.TryGetValue(m.Groups["name"].Value, out var value)
            ? value
            : throw new AssertionException($"The README uses ${m.Groups["name"].Value} before saying how to set it."));

    [GeneratedRegex(@"^```(?<lang>[a-z]*)\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"\$\{?(?<name>[A-Za-z_][A-Za-z0-9_]*)\}?")]
    private static partial Regex ShellVariable();
}
